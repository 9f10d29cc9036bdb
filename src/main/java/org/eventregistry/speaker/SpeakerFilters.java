package org.eventregistry.speaker;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The query parameters of the speakers list. Repeated values OR, different parameters AND. */
public class SpeakerFilters {

    @QueryParam("q")
    @Parameter(description = "Words to look for in names, position, affiliation, biography and topics, as in /search (accents, case "
            + "and alphabet do not matter); without sort, the best matches come first. At most 200 characters; narrows to the "
            + "1,000 best matches.", example = "jovanovic")
    public String q;

    @QueryParam("affiliation")
    @Parameter(description = "Affiliation, case- and accent-insensitive", example = "CIRSD")
    public List<String> affiliation;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 code", example = "RS")
    public List<String> country;

    @QueryParam("topic")
    @Parameter(description = "Topic tag", example = "Western Balkans")
    public List<String> topic;

    @QueryParam("role")
    @Parameter(description = "Has appeared in an event in this role", example = "KEYNOTE")
    public List<String> role;

    @QueryParam("event")
    @Parameter(description = "Appears in the line-up of this event (id or slug)", example = "democracy-meets-strategy")
    public List<String> event;

    @QueryParam("updatedSince")
    @Parameter(description = "Only speakers changed at or after this instant", example = "2025-06-01T00:00:00Z")
    public String updatedSince;

    /** The filters as written, in a fixed order, for binding cursors to the query that made them. */
    public String canonical() {
        Map<String, Object> values = new TreeMap<>();
        values.put("q", q);
        values.put("affiliation", affiliation);
        values.put("country", country);
        values.put("topic", topic);
        values.put("role", role);
        values.put("event", event);
        values.put("updatedSince", updatedSince);
        return values.toString();
    }
}
