package org.eventregistry.lineup;

import org.eventregistry.change.Revalidated;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eventregistry.platform.paging.Lists;
import org.eventregistry.event.EventFilters;

import java.util.List;

/** A speaker's events, with the roles they had in each. */
@Path("/api/v1/speakers/{ref}/events")
@Tag(name = "Line-ups")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerEventsResource {

    private final LineupService service;

    public SpeakerEventsResource(LineupService service) {
        this.service = service;
    }

    @Revalidated(clock = Revalidated.Clock.UPCOMING_FIRST)
    @GET
    @Operation(operationId = "listSpeakerEvents", summary = "List a speaker's events", description = "Upcoming first (soonest first, then past events, latest first) "
            + "unless sort is given; takes the events list's filters.")
    @APIResponse(responseCode = "200", description = "A page of the speaker's events with the roles they had",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppearancePageDoc.class),
                    examples = @ExampleObject(name = "page", value = LineupExamples.APPEARANCES)))
    public Response appearances(@Parameter(description = "Speaker id or slug", example = "vuk-jeremic") @PathParam("ref") String ref,
                                @BeanParam EventFilters filters,
                                @Parameter(description = "Sort keys as in the events list; upcoming first when absent", example = "-startsAt")
                                @QueryParam("sort") String sort,
                                @Parameter(description = "Page size, 1 to 100", example = "20",
                                 schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
                                @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                                @Context UriInfo uri) {
        return Lists.response(service.appearances(ref, filters, sort, limit, cursor), uri);
    }

    /** The list response as documented. */
    @Schema(name = "AppearancePage", description = "A page of a speaker's events")
    record AppearancePageDoc(List<Appearance> items, long total, boolean totalExact, int limit, @Schema(nullable = true) String nextCursor) {
    }
}
