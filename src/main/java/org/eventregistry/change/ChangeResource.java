package org.eventregistry.change;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.platform.http.Problem;

import java.util.List;

/** The partner change stream: every public create, update and delete, in commit order. */
@Path("/api/v1/changes")
@Tag(name = "Changes", description = "Follow the registry: every create, update and delete, tombstones included")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    private static final String EXAMPLE = """
            {"items": [
              {"kind": "event", "id": "01JXD8ZK3Q4M9V6T2B7C5N1P0R", "slug": "democracy-meets-strategy", "operation": "UPDATE",
               "version": 3, "at": "2026-11-26T10:15:30.123456Z",
               "record": {"id": "01JXD8ZK3Q4M9V6T2B7C5N1P0R", "slug": "democracy-meets-strategy", "title": "Democracy Meets Strategy"}},
              {"kind": "speaker", "id": "01JXE0A1B2C3D4E5F6G7H8J9K0", "slug": "meg-king", "operation": "DELETE",
               "version": 2, "at": "2026-11-26T10:16:02.000001Z", "record": null}
            ], "nextCursor": "cDo0Mg.Zk9xY2hWbE1tN1p3", "more": false}""";

    private final ChangeFeed feed;

    public ChangeResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @Revalidated
    @GET
    @Operation(operationId = "listChanges", summary = "Follow the change stream", description = "Changes after the cursor in commit order. Start without after= "
            + "(or with after=now to skip history), apply each change (a DELETE removes the record), and call again with nextCursor. "
            + "Drafts and private fields never appear: a record that goes back to draft shows as a DELETE. A cursor past the retention "
            + "is a 410: resync from the lists.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class),
                    examples = @ExampleObject(name = "page", value = EXAMPLE)))
    @APIResponse(responseCode = "304", description = "If-None-Match named this page: nothing new")
    @APIResponse(responseCode = "410", description = "The cursor is older than the retention: resync from the lists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changes(@Parameter(description = "nextCursor of the previous page, or now", example = "now") @QueryParam("after") String after,
                            @Parameter(description = "Page size, 1 to 1000 (default 100)", example = "1000",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                            @Parameter(description = "Only these kinds: event, speaker, publication, lineup", example = "event")
                            @QueryParam("type") List<String> type) {
        return Response.ok(feed.read(after, limit, type)).build();
    }
}
