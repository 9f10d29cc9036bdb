package org.eventregistry.publication;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The query parameters of the publications list. Repeated values OR, different parameters AND. */
public class PublicationFilters {

    @QueryParam("q")
    @Parameter(description = "Words to look for in the title, abstract, text, authors, periodical and topics, as in /search "
            + "(accents, case and alphabet do not matter); without sort, the best matches come first. At most 200 characters; "
            + "narrows to the 1,000 best matches.", example = "cyber")
    public String q;

    @QueryParam("type")
    @Parameter(description = "Publication type; repeat to OR", example = "ESSAY")
    public List<String> type;

    @QueryParam("author")
    @Parameter(description = "Id or slug of an author; repeat to OR", example = "meg-king")
    public List<String> author;

    @QueryParam("topic")
    @Parameter(description = "Topic tag", example = "Cybersecurity")
    public List<String> topic;

    @QueryParam("periodical")
    @Parameter(description = "Periodical name or its slug", example = "horizons")
    public List<String> periodical;

    @QueryParam("volume")
    @Parameter(description = "Volume of the periodical", example = "25")
    public List<String> volume;

    @QueryParam("issue")
    @Parameter(description = "Issue of the periodical", example = "Autumn 2023")
    public List<String> issue;

    @QueryParam("language")
    @Parameter(description = "BCP 47 language tag", example = "en")
    public List<String> language;

    @QueryParam("publishedFrom")
    @Parameter(description = "Published on or after: a year, month or day", example = "2015")
    public String publishedFrom;

    @QueryParam("publishedTo")
    @Parameter(description = "Published on or before: a year, month or day", example = "2025-06")
    public String publishedTo;

    @QueryParam("event")
    @Parameter(description = "Related to this event (id or slug)", example = "cyber-arms-control-roundtable")
    public List<String> event;

    @QueryParam("publicationStatus")
    @Parameter(description = "DRAFT or PUBLISHED", example = "PUBLISHED")
    public List<String> publicationStatus;

    @QueryParam("updatedSince")
    @Parameter(description = "Only publications changed at or after this instant", example = "2025-06-01T00:00:00Z")
    public String updatedSince;

    /** The filters as written, in a fixed order, for binding cursors to the query that made them. */
    public String canonical() {
        Map<String, Object> values = new TreeMap<>();
        values.put("q", q);
        values.put("type", type);
        values.put("author", author);
        values.put("topic", topic);
        values.put("periodical", periodical);
        values.put("volume", volume);
        values.put("issue", issue);
        values.put("language", language);
        values.put("publishedFrom", publishedFrom);
        values.put("publishedTo", publishedTo);
        values.put("event", event);
        values.put("publicationStatus", publicationStatus);
        values.put("updatedSince", updatedSince);
        return values.toString();
    }
}
