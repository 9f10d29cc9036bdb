package org.eventregistry.search;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.change.Answers;
import org.eventregistry.change.Freshness;
import org.eventregistry.change.Revalidated;
import org.eventregistry.platform.http.Problem;

import java.util.List;

/** Full-text search across events, speakers and publications, and type-ahead for search boxes. */
@Path("/api/v1/search")
@Tag(name = "Search", description = "Find events, speakers and publications by what a visitor types")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final String PAGE_EXAMPLE = """
            {"items": [{"kind": "event", "id": "01JXD8ZK3Q4M9V6T2B7C5N1P0R", "slug": "democracy-meets-strategy",
              "title": "Democracy Meets Strategy", "score": 7.42,
              "snippet": "A <mark>conference</mark> on the future of the international order",
              "fields": {"startsAt": "2026-06-10T09:00:00+02:00", "endsAt": "2026-06-10T18:00:00+02:00",
                "timeZone": "Europe/Belgrade", "eventType": "CONFERENCE", "status": "SCHEDULED", "city": "Belgrade", "country": "RS"}}],
             "total": 1, "limit": 20, "nextCursor": null,
             "facets": {"kind": [{"value": "event", "count": 1}], "topic": [{"value": "Geopolitics", "count": 1}],
               "eventType": [{"value": "CONFERENCE", "count": 1}], "publicationType": [], "year": [{"value": "2026", "count": 1}],
               "country": [{"value": "RS", "count": 1}]},
             "current": true}""";

    private final SearchService search;
    private final Freshness freshness;
    private final Answers answers;

    public SearchResource(SearchService search, Freshness freshness, Answers answers) {
        this.search = search;
        this.freshness = freshness;
        this.answers = answers;
    }

    @GET
    @Operation(operationId = "search", summary = "Search everything",
            description = "Events, speakers and publications ranked by relevance (titles and names above summaries, summaries "
                    + "above texts; on a tie, the latest and upcoming first). Case, accents and alphabet do not matter "
                    + "(Јовановић, Jovanović and jovanovic are one name), English word forms match (conference, conferences), "
                    + "longer words forgive typos, \"quoted phrases\" keep their order, and a word matches the beginning of "
                    + "longer ones. What is typed is read as text: no field names, wildcards or operators. Drafts are found by "
                    + "staff only. The answer reflects every write committed before the request unless the index is more than "
                    + "registry.search.max-wait behind (then `current` is false).")
    @APIResponse(responseCode = "200", description = "A page of results with facet counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class),
                    examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is not understood (q longer than 200 characters, an unknown type...)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The search engine cannot be reached; try again after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response search(@Context UriInfo uri, @BeanParam SearchFilters filters,
                             @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20",
                                     schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100"))
                             @QueryParam("limit") String limit,
                             @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        // The same search under the same change position (and clock, for from=now) has the same answer: kept, and made
        // once per change, unless the index was behind the writes when it ran.
        return answers.json(freshness.current(uri, Revalidated.Clock.BOUNDS), () -> search.search(filters, limit, cursor),
                SearchPage::current);
    }

    @GET
    @Path("/suggest")
    @Operation(operationId = "suggest", summary = "Complete what is being typed",
            description = "Titles and names whose words begin with the words typed, the last one taken as a prefix "
                    + "(jer finds Jeremić), best and latest first: for a search box's drop-down.")
    @APIResponse(responseCode = "200", description = "Completions, best first (an empty list when nothing begins so)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Suggestion.class, maxItems = SearchService.MAX_SUGGESTIONS),
                    examples = @ExampleObject(name = "completions", value = """
                            [{"kind": "speaker", "id": "01JXE0A1B2C3D4E5F6G7H8J9K0", "slug": "vuk-jeremic", "text": "Vuk Jeremić"}]""")))
    @APIResponse(responseCode = "400", description = "A parameter is not understood",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The search engine cannot be reached; try again after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Suggestion> suggest(
            @Parameter(description = "What has been typed so far (at most 200 characters)", example = "jer",
                    schema = @Schema(type = SchemaType.STRING, maxLength = QueryText.MAX_LENGTH)) @QueryParam("q") String q,
            @Parameter(description = "Kind of record (event, speaker, publication); repeat to OR", example = "speaker")
            @QueryParam("type") List<String> type,
            @Parameter(description = "How many, 1 to 20 (default 8)", example = "8",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "20"))
            @QueryParam("limit") String limit) {
        return search.suggest(q, type, limit);
    }
}
