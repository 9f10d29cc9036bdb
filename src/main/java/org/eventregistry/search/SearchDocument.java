package org.eventregistry.search;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index keeps of one event, speaker or publication: its words under the analysers of {@link Analysis},
 * the values its filters and facets need, and a card of the key fields a result list shows. Built from the
 * database by {@link Documents}; never holds what the public may not see of a speaker (e-mail, phone).
 */
@SearchEntity(name = "Record")
@Indexed(index = SearchDocument.INDEX)
public class SearchDocument {

    /** Moves on whenever the fields or analysers below change: a new index is then built from the database. */
    public static final int MAPPING_VERSION = 4;
    public static final String INDEX = "records-v4";

    @DocumentId
    public String id;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    public String kind;

    @KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
    public String slug;

    /** An event's or publication's title, a speaker's name. */
    @FullTextField(analyzer = Analysis.ENGLISH, projectable = Projectable.YES, highlightable = Highlightable.NO)
    @FullTextField(name = "title_folded", analyzer = Analysis.FOLDED)
    @FullTextField(name = "title_prefix", analyzer = Analysis.PREFIX, searchAnalyzer = Analysis.FOLDED)
    public String title;

    /** Subtitle and summary, an abstract, a speaker's position and affiliation. */
    @FullTextField(analyzer = Analysis.ENGLISH, projectable = Projectable.YES, highlightable = Highlightable.NO)
    @FullTextField(name = "summary_folded", analyzer = Analysis.FOLDED)
    public String summary;

    /** Description, article body, biography: text only, tags removed. Searched, not kept whole (see {@link #bodyStart}). */
    @FullTextField(analyzer = Analysis.ENGLISH, highlightable = Highlightable.NO)
    public String body;

    /** The beginning of {@link #body} that a snippet is cut from ({@link Snippets#READ} characters): kept, not searched. */
    @GenericField(projectable = Projectable.YES, searchable = Searchable.NO)
    public String bodyStart;

    /** The people of the record: an event's line-up, a publication's authors, a speaker's other names. */
    @FullTextField(analyzer = Analysis.FOLDED)
    @FullTextField(name = "names_prefix", analyzer = Analysis.PREFIX, searchAnalyzer = Analysis.FOLDED)
    public List<String> names = new ArrayList<>();

    /** Topics, periodical, series, venue and city: words that place a record. */
    @FullTextField(analyzer = Analysis.ENGLISH)
    public List<String> context = new ArrayList<>();

    /** Topic names as written: the topic facet. */
    @KeywordField(aggregable = Aggregable.YES)
    public List<String> topic = new ArrayList<>();

    /** Folded topic keys: the topic filter. */
    @KeywordField
    public List<String> topicKey = new ArrayList<>();

    @KeywordField(aggregable = Aggregable.YES)
    public String eventType;

    @KeywordField(aggregable = Aggregable.YES)
    public String publicationType;

    @KeywordField(aggregable = Aggregable.YES)
    public String country;

    @KeywordField
    public String language;

    @GenericField(aggregable = Aggregable.YES)
    public Integer year;

    /** When the record starts to matter and stops: an event's run, a publication's date (whole day or period). */
    @GenericField
    public Instant startsAt;

    @GenericField
    public Instant endsAt;

    /** The moment that orders equally relevant hits, latest (and upcoming) first. */
    @GenericField(sortable = Sortable.YES)
    public Instant recency;

    /** False for drafts, which only staff find. */
    @GenericField
    public boolean published;

    /** Sets the body and the beginning of it that snippets read. */
    void body(String text) {
        body = text;
        bodyStart = Snippets.beginning(text);
    }

    /** Which rebuild last wrote the document: a rebuild removes those it did not write. */
    @GenericField
    public long generation;

    /** The key fields of a result, as JSON (see {@link SearchHit.Fields}). */
    @KeywordField(projectable = Projectable.YES, searchable = Searchable.NO)
    public String card;
}
