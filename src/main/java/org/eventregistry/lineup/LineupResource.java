package org.eventregistry.lineup;

import org.eventregistry.change.Revalidated;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.platform.json.MergePatch;

import java.net.URI;
import java.util.List;

/** An event's line-up: who takes part, in which role and order. */
@Path("/api/v1/events/{ref}/speakers")
@Tag(name = "Line-ups", description = "Who takes part in which event, in which role and order")
@Produces(MediaType.APPLICATION_JSON)
public class LineupResource {

    private final LineupService service;

    public LineupResource(LineupService service) {
        this.service = service;
    }

    @Revalidated
    @GET
    @Operation(operationId = "getLineup", summary = "Get an event's line-up", description = "In order; each place with the speaker's public summary.")
    @APIResponse(responseCode = "200", description = "The line-up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = LineupService.MAX_PLACES, implementation = LineupEntry.class),
                    examples = @ExampleObject(name = "lineup", value = LineupExamples.LINEUP)))
    public List<LineupEntry> lineup(@Parameter(description = "Event id or slug", example = "horizons-discussion-andrey-sushentsov")
                                    @PathParam("ref") String ref) {
        return service.lineup(ref);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addLineupEntry", summary = "Add a speaker to an event's line-up",
            description = "A speaker may appear once per role. affiliationAtEvent defaults to the speaker's current affiliation "
                    + "and keeps that value when the speaker later changes jobs.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LineupFields.class), examples = @ExampleObject(name = "moderator", value = LineupExamples.FIELDS)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineupEntry.class),
                    examples = @ExampleObject(name = "entry", value = LineupExamples.ENTRY)))
    public Response add(@Parameter(description = "Event id or slug", example = "horizons-discussion-andrey-sushentsov") @PathParam("ref") String ref,
                        LineupFields fields) {
        LineupEntry entry = service.add(ref, fields);
        return Response.created(URI.create("/api/v1/events/" + ref + "/speakers/" + entry.id())).entity(entry).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceLineup", summary = "Replace an event's whole line-up", description = "One request, one transaction: all places or none.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = LineupService.MAX_PLACES, implementation = LineupFields.class),
            examples = @ExampleObject(name = "lineup", value = LineupExamples.LINEUP_FIELDS)))
    @APIResponse(responseCode = "200", description = "The new line-up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = LineupService.MAX_PLACES, implementation = LineupEntry.class),
                    examples = @ExampleObject(name = "lineup", value = LineupExamples.LINEUP)))
    public List<LineupEntry> replace(@Parameter(description = "Event id or slug", example = "horizons-discussion-andrey-sushentsov")
                                     @PathParam("ref") String ref, List<LineupFields> lineup) {
        return service.replace(ref, lineup);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateLineupEntry", summary = "Change a place in a line-up", description = "Role, order, session title or affiliation at the event.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = LineupChange.class), examples = @ExampleObject(name = "chair", value = LineupExamples.CHANGE)))
    @APIResponse(responseCode = "200", description = "The changed place",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineupEntry.class),
                    examples = @ExampleObject(name = "entry", value = LineupExamples.ENTRY)))
    public LineupEntry change(@Parameter(description = "Event id or slug", example = "horizons-discussion-andrey-sushentsov") @PathParam("ref") String ref,
                              @Parameter(description = "Id of the place in the line-up", example = "01JXE1P2Q3R4S5T6V7W8X9Y0Z1") @PathParam("id") String id,
                              JsonNode patch) throws JsonProcessingException {
        return service.change(ref, id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "removeLineupEntry", summary = "Remove a place from a line-up")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@Parameter(description = "Event id or slug", example = "horizons-discussion-andrey-sushentsov") @PathParam("ref") String ref,
                           @Parameter(description = "Id of the place in the line-up", example = "01JXE1P2Q3R4S5T6V7W8X9Y0Z1") @PathParam("id") String id) {
        service.remove(ref, id);
        return Response.noContent().build();
    }

}
