package org.eventregistry.platform.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A constant answer through the same filters as every API request (authentication, rate budget, request limits):
 * the yardstick the benchmarks measure every route against, and a cheap check that the API answers.
 */
@Path("/api/v1/ping")
@Tag(name = "Ping", description = "A constant answer, for benchmarks and uptime checks")
public class PingResource {

    /** The answer, made once. */
    public record Pong(@Schema(examples = "ok") String status) {
    }

    private static final Pong PONG = new Pong("ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a constant", description = "Reads nothing: the cost of a request through the API's filters alone. "
            + "The benchmarks (src/bench/routes.sh) report every route as a ratio of this one.")
    @APIResponse(responseCode = "200", description = "The API answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pong.class),
                    examples = @ExampleObject(name = "pong", value = "{\"status\": \"ok\"}")))
    public Pong ping() {
        return PONG;
    }
}
