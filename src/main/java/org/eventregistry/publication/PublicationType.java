package org.eventregistry.publication;

/** What kind of piece a publication is. */
public enum PublicationType {
    ARTICLE, ESSAY, INTERVIEW, REPORT, POLICY_BRIEF, BOOK, BOOK_CHAPTER, JOURNAL_ISSUE, NEWS, PRESS_RELEASE
}
