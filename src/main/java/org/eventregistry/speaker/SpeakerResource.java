package org.eventregistry.speaker;

import org.eventregistry.change.Answers;
import org.eventregistry.change.Revalidated;
import org.eventregistry.change.Revalidation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.platform.http.Idempotency;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.http.Versions;

import java.net.URI;
import java.util.List;

/** The speakers collection: thin HTTP mapping onto {@link SpeakerService}. */
@Path("/api/v1/speakers")
@Tag(name = "Speakers", description = "People registered once and reused across events and publications")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    private final SpeakerService service;
    private final Answers answers;
    private final Revalidation revalidation;

    public SpeakerResource(SpeakerService service, Answers answers, Revalidation revalidation) {
        this.service = service;
        this.answers = answers;
        this.revalidation = revalidation;
    }

    @Revalidated
    @GET
    @Operation(operationId = "listSpeakers", summary = "List speakers", description = "Sorted by family name in the registry's collation unless told otherwise.")
    @APIResponse(responseCode = "200", description = "A page of speakers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerPageDoc.class),
                    examples = @ExampleObject(name = "page", value = SpeakerExamples.PAGE)))
    public Response list(@BeanParam SpeakerFilters filters,
                         @Parameter(description = "Sort keys, comma-separated, '-' for descending: familyName, displayName, createdAt, updatedAt",
                                 example = "familyName") @QueryParam("sort") String sort,
                         @Parameter(description = "Page size, 1 to 100", example = "20",
                                 schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        return answers.page(revalidation.version(), uri, () -> service.list(filters, sort, limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSpeaker", summary = "Register a speaker", description = "Idempotency-Key makes retries safe, as for events.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SpeakerFields.class), examples = @ExampleObject(name = "speaker", value = SpeakerExamples.FIELDS)))
    @APIResponse(responseCode = "201", description = "Registered; Location names the new speaker",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerView.class),
                    examples = @ExampleObject(name = "created", value = SpeakerExamples.SPEAKER)))
    public Response create(SpeakerFields fields,
                           @Parameter(description = "Makes the POST safe to retry", example = "3b1d2c9e-7a55-4f0b-9c1e-5d8f2a6b4c21")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Idempotency.Created created = service.create(fields, idempotencyKey);
        return Response.created(URI.create(created.location())).tag(EntityTag.valueOf(created.etag()))
                .type(MediaType.APPLICATION_JSON).entity(created.body()).build();
    }

    @GET
    @Path("/{ref}")
    @Operation(operationId = "getSpeaker", summary = "Get a speaker by id or slug")
    @APIResponse(responseCode = "200", description = "The speaker; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerView.class),
                    examples = @ExampleObject(name = "speaker", value = SpeakerExamples.SPEAKER)))
    @APIResponse(responseCode = "304", description = "If-None-Match or If-Modified-Since already has the current version")
    public Response get(@Parameter(description = "Id or slug", example = "stefan-jovanovic") @PathParam("ref") String ref,
                        @Context Request request,
                        @Context UriInfo uri) {
        return answers.record(uri, request, () -> {
            SpeakerView speaker = service.get(ref);
            return answers.version(speaker, Versions.tag(speaker.id(), speaker.version()), speaker.updatedAt());
        });
    }

    @PUT
    @Path("/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSpeaker", summary = "Replace a speaker", description = "Fields left out are cleared; the slug stays unless given.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SpeakerFields.class), examples = @ExampleObject(name = "speaker", value = SpeakerExamples.FIELDS)))
    @APIResponse(responseCode = "200", description = "The replaced speaker",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerView.class),
                    examples = @ExampleObject(name = "speaker", value = SpeakerExamples.SPEAKER)))
    public Response replace(@Parameter(description = "Id or slug", example = "stefan-jovanovic") @PathParam("ref") String ref,
                            @Parameter(description = "ETag of the version being replaced") @HeaderParam("If-Match") String ifMatch,
                            SpeakerFields fields) {
        return single(service.replace(ref, fields, ifMatch));
    }

    @PATCH
    @Path("/{ref}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateSpeaker", summary = "Change some fields of a speaker", description = "A JSON merge patch (RFC 7396).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "promotion", value = SpeakerExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The changed speaker",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerView.class),
                    examples = @ExampleObject(name = "speaker", value = SpeakerExamples.SPEAKER)))
    public Response patch(@Parameter(description = "Id or slug", example = "stefan-jovanovic") @PathParam("ref") String ref,
                          @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                          JsonNode patch) throws JsonProcessingException {
        return single(service.patch(ref, patch, ifMatch));
    }

    @DELETE
    @Path("/{ref}")
    @Operation(operationId = "deleteSpeaker", summary = "Delete a speaker", description = "A speaker still in line-ups is a 409 naming the events, unless unlink=true "
            + "removes them from those line-ups too.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@Parameter(description = "Id or slug", example = "stefan-jovanovic") @PathParam("ref") String ref,
                           @Parameter(description = "ETag of the version being deleted") @HeaderParam("If-Match") String ifMatch,
                           @Parameter(description = "Also remove the speaker from every line-up", example = "true")
                           @QueryParam("unlink") String unlink) {
        service.delete(ref, ifMatch, flag("unlink", unlink));
        return Response.noContent().build();
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw org.eventregistry.platform.http.QueryValues.bad(name, "must be true or false");
    }

    private static Response single(SpeakerView speaker) {
        return Response.ok(speaker).tag(Versions.tag(speaker.id(), speaker.version())).build();
    }

    /** The list response as documented. */
    @Schema(name = "SpeakerPage", description = "A page of speakers")
    record SpeakerPageDoc(List<SpeakerView> items, long total, boolean totalExact, int limit, @Schema(nullable = true) String nextCursor) {
    }
}
