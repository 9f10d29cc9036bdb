package org.eventregistry.speaker;

/** The part a speaker plays in an event's line-up. */
public enum SpeakerRole {
    KEYNOTE, SPEAKER, PANELIST, MODERATOR, CHAIR, HOST, DISCUSSANT, AUTHOR
}
