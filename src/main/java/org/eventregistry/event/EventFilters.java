package org.eventregistry.event;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The query parameters of the events list (and, later, of the event feeds). Repeated values OR, different parameters AND. */
public class EventFilters {

    @QueryParam("q")
    @Parameter(description = "Words to look for, as in /search (accents, case and alphabet do not matter); without sort, "
            + "the best matches come first. At most 200 characters; narrows to the 1,000 best matches.",
            example = "belgrade security")
    public String q;

    @QueryParam("from")
    @Parameter(description = "Events running at or after this moment: now, today, a date or an instant", example = "now")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Events running at or before this moment: now, today, a date or an instant", example = "2025-12-31")
    public String to;

    @QueryParam("type")
    @Parameter(description = "Event type; repeat to OR", example = "CONFERENCE")
    public List<String> type;

    @QueryParam("status")
    @Parameter(description = "Event status; repeat to OR", example = "SCHEDULED")
    public List<String> status;

    @QueryParam("format")
    @Parameter(description = "Attendance format; repeat to OR", example = "HYBRID")
    public List<String> format;

    @QueryParam("publicationStatus")
    @Parameter(description = "DRAFT or PUBLISHED", example = "PUBLISHED")
    public List<String> publicationStatus;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 code of the venue's country", example = "RS")
    public List<String> country;

    @QueryParam("city")
    @Parameter(description = "Venue city, case- and accent-insensitive", example = "Belgrade")
    public List<String> city;

    @QueryParam("topic")
    @Parameter(description = "Topic tag, case- and accent-insensitive", example = "China")
    public List<String> topic;

    @QueryParam("series")
    @Parameter(description = "Series name or its slug", example = "horizons-discussions")
    public List<String> series;

    @QueryParam("language")
    @Parameter(description = "BCP 47 language tag", example = "en")
    public List<String> language;

    @QueryParam("parent")
    @Parameter(description = "Id or slug of the parent event: lists its sessions", example = "democracy-meets-strategy")
    public List<String> parent;

    @QueryParam("speaker")
    @Parameter(description = "Id or slug of a speaker in the line-up; repeat to OR", example = "vuk-jeremic")
    public List<String> speaker;

    @QueryParam("updatedSince")
    @Parameter(description = "Only events changed at or after this instant", example = "2025-06-01T00:00:00Z")
    public String updatedSince;

    /** The filters as written, in a fixed order, for binding cursors to the query that made them. */
    public String canonical() {
        Map<String, Object> values = new TreeMap<>();
        values.put("q", q);
        values.put("from", from);
        values.put("to", to);
        values.put("type", type);
        values.put("status", status);
        values.put("format", format);
        values.put("publicationStatus", publicationStatus);
        values.put("country", country);
        values.put("city", city);
        values.put("topic", topic);
        values.put("series", series);
        values.put("language", language);
        values.put("parent", parent);
        values.put("speaker", speaker);
        values.put("updatedSince", updatedSince);
        return values.toString();
    }
}
