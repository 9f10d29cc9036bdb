package org.eventregistry.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** One result: enough of the record to show it in a result list without another request. */
@Schema(name = "SearchHit")
public record SearchHit(
        @Schema(description = "event, speaker or publication", enumeration = {"event", "speaker", "publication"}, examples = "event")
        String kind,
        @Schema(examples = "01JXAMPLE0000000000000000A") String id,
        @Schema(examples = "democracy-meets-strategy") String slug,
        @Schema(description = "The title, or a speaker's name", examples = "Democracy Meets Strategy") String title,
        @Schema(description = "Relevance: higher is better; comparable within one answer only", examples = "7.42") double score,
        @Schema(description = "The sentence (at most 240 characters of it) of the summary, or else of the text, where a word "
                + "searched for first occurs, HTML-escaped, the words in <mark>; null when neither holds one (only the title "
                + "or names matched, or typos were forgiven)", nullable = true, maxLength = 4000, examples = "The <mark>conference</mark> brings together…") String snippet,
        @Schema(description = "The record's key fields; those it does not have are left out") Fields fields) {

    /** The key fields a result list shows: dates and place for events, affiliation for speakers, periodical for publications. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SearchHitFields")
    public record Fields(
            @Schema(description = "Event: start, in its own zone") OffsetDateTime startsAt,
            @Schema(description = "Event: end, in its own zone") OffsetDateTime endsAt,
            @Schema(description = "Event: IANA time zone", examples = "Europe/Belgrade") String timeZone,
            @Schema(description = "Event: CONFERENCE, PANEL...", maxLength = 40, examples = "CONFERENCE") String eventType,
            @Schema(description = "Event: SCHEDULED, CANCELLED...", maxLength = 40, examples = "SCHEDULED") String status,
            @Schema(description = "Event: venue name", maxLength = 1000, examples = "Palace of Serbia") String venue,
            @Schema(description = "Event: venue city", maxLength = 1000, examples = "Belgrade") String city,
            @Schema(description = "Event venue's or speaker's country (ISO 3166-1 alpha-2)", examples = "RS") String country,
            @Schema(description = "Speaker: position", maxLength = 1000, examples = "President") String position,
            @Schema(description = "Speaker: affiliation", maxLength = 1000, examples = "CIRSD") String affiliation,
            @Schema(description = "Speaker: photo URL") String photoUrl,
            @Schema(description = "Publication: ARTICLE, BOOK...", maxLength = 40, examples = "ARTICLE") String publicationType,
            @Schema(description = "Publication: periodical", maxLength = 1000, examples = "Horizons") String periodical,
            @Schema(description = "Publication: date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD)", examples = "2025-06")
            String publishedOn,
            @Schema(description = "Publication: authors' names, in order", maxItems = 500) List<String> authors,
            @Schema(description = "DRAFT or PUBLISHED (drafts are found by staff only)", enumeration = {"DRAFT", "PUBLISHED"},
                    examples = "PUBLISHED")
            String publicationStatus) {
    }

}
