package org.eventregistry.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The state of the search index, and its rebuild from the database (admin role). */
@Path("/api/v1/admin/search")
@Tag(name = "Admin")
@Produces(MediaType.APPLICATION_JSON)
public class SearchAdminResource {

    private static final String STATE = """
            {"engine": "lucene", "available": true, "writer": true, "rebuilding": false, "position": 1042, "head": 1042,
             "changesBehind": 0, "secondsBehind": 0.0, "builtAt": "2026-11-27T01:00:00Z"}""";

    private final Indexer indexer;

    public SearchAdminResource(Indexer indexer) {
        this.indexer = indexer;
    }

    @GET
    @Operation(operationId = "getSearchIndex", summary = "Where the search index stands",
            description = "The engine, the index's position in the write log against its head, how many writes and seconds it is "
                    + "behind, whether this instance writes it and whether a rebuild is running.")
    @APIResponse(responseCode = "200", description = "The index's state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Indexer.Lag.class),
                    examples = @ExampleObject(name = "current", value = STATE)))
    public Indexer.Lag state() {
        return indexer.lag();
    }

    @POST
    @Path("/rebuild")
    @Operation(operationId = "rebuildSearchIndex", summary = "Rebuild the search index from the database",
            description = "Starts at once and runs in the background; searches keep answering meanwhile (documents are replaced "
                    + "in place, then those of deleted records removed). Follow it with GET /api/v1/admin/search.")
    @APIResponse(responseCode = "202", description = "The rebuild was started; the body is the index's state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Indexer.Lag.class),
                    examples = @ExampleObject(name = "started", value = STATE)))
    public Response rebuild() {
        indexer.requestRebuild();
        return Response.accepted(indexer.lag()).build();
    }
}
