package org.eventregistry.search;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The query parameters of /search. A filter keeps only the records that have what it filters on and match it:
 * {@code eventType} keeps events, {@code from}/{@code to} dated records (events, publications), {@code country}
 * events and speakers. Repeated values OR, different parameters AND.
 */
public class SearchFilters {

    @QueryParam("q")
    @Parameter(description = "What to look for, as typed: words (accents, case and alphabet do not matter; small typos are forgiven) "
            + "and \"quoted phrases\". At most 200 characters. Without q, everything matching the filters, latest first.",
            example = "jovanovic conference", schema = @Schema(type = SchemaType.STRING, maxLength = QueryText.MAX_LENGTH))
    public String q;

    @QueryParam("type")
    @Parameter(description = "Kind of record (event, speaker, publication); repeat to OR", example = "event")
    public List<String> type;

    @QueryParam("from")
    @Parameter(description = "Events running, or publications dated, at or after this moment: now, today, a date or an instant",
            example = "today")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Events running, or publications dated, at or before this moment", example = "2026-12-31")
    public String to;

    @QueryParam("topic")
    @Parameter(description = "Topic tag, case- and accent-insensitive; repeat to OR", example = "China")
    public List<String> topic;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 code of an event's venue or a speaker's country; repeat to OR", example = "RS")
    public List<String> country;

    @QueryParam("eventType")
    @Parameter(description = "Event type (keeps events only); repeat to OR", example = "CONFERENCE")
    public List<String> eventType;

    @QueryParam("publicationType")
    @Parameter(description = "Publication type (keeps publications only); repeat to OR", example = "ARTICLE")
    public List<String> publicationType;

    @QueryParam("language")
    @Parameter(description = "BCP 47 language tag of an event or publication; repeat to OR", example = "en")
    public List<String> language;

    /** The query as written, in a fixed order, binding cursors to it. */
    String canonical(boolean drafts) {
        Map<String, Object> values = new TreeMap<>();
        values.put("q", q);
        values.put("type", type);
        values.put("from", from);
        values.put("to", to);
        values.put("topic", topic);
        values.put("country", country);
        values.put("eventType", eventType);
        values.put("publicationType", publicationType);
        values.put("language", language);
        values.put("drafts", drafts);
        return "search" + values;
    }
}
