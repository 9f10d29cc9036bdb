package org.eventregistry.event;

import org.eventregistry.change.Answers;
import org.eventregistry.change.Revalidated;
import org.eventregistry.change.Revalidation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BeanParam;
import jakarta.enterprise.inject.Instance;
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
import jakarta.ws.rs.core.HttpHeaders;
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
import org.eventregistry.platform.validation.Accepts;
import org.eventregistry.platform.http.Idempotency;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.paging.Page;
import org.eventregistry.platform.http.Problem;
import org.eventregistry.platform.http.Versions;
import org.eventregistry.platform.http.QueryValues;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The events collection: thin HTTP mapping onto {@link EventService}. */
@Path("/api/v1/events")
@Tag(name = "Events", description = "Conferences, panels, lectures and the sessions inside them")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventService service;
    private final Map<String, EventEmbedding> embeddings = new TreeMap<>();
    private final EventLinkedData linkedData;
    private final Answers answers;
    private final Revalidation revalidation;

    public EventResource(EventService service, Instance<EventEmbedding> embeddings, EventLinkedData linkedData,
                         Answers answers, Revalidation revalidation) {
        this.answers = answers;
        this.revalidation = revalidation;
        this.linkedData = linkedData;
        this.service = service;
        embeddings.forEach(e -> this.embeddings.put(e.name(), e));
    }

    @Revalidated(clock = Revalidated.Clock.BOUNDS)
    @GET
    @Operation(operationId = "listEvents", summary = "List events", description = "Filters combine with AND; repeated values of one filter combine with OR. "
            + "Pages are cursor-based and stable while events are added.")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPageDoc.class),
                    examples = @ExampleObject(name = "page", value = EventExamples.PAGE)))
    public Response list(@BeanParam EventFilters filters,
                         @Parameter(description = "Sort keys, comma-separated, '-' for descending: startsAt, endsAt, title, createdAt, updatedAt",
                                 example = "-startsAt") @QueryParam("sort") String sort,
                         @Parameter(description = "Page size, 1 to 100", example = "20",
                                 schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Related records to embed: speakers, publications", example = "speakers") @QueryParam("include") List<String> include,
                         @jakarta.ws.rs.core.Context UriInfo uri) {
        return answers.page(revalidation.version(), uri, () -> {
            Page<EventView> page = service.list(filters, sort, limit, cursor);
            Set<String> wanted = includes(include);
            return wanted.isEmpty() ? page : page.with(embed(page.items(), wanted));
        });
    }

    /** The views with the related records named by include=, one query per kind for the whole list. */
    private List<EventView> embed(List<EventView> views, Set<String> wanted) {
        List<EventView> result = views;
        for (String name : wanted) {
            EventEmbedding embedding = embeddings.get(name);
            Map<String, List<?>> embedded = embedding.forEvents(result.stream().map(EventView::id).toList());
            result = result.stream().map(v -> embedding.embed(v, embedded.getOrDefault(v.id(), List.of()))).toList();
        }
        return result;
    }

    private Set<String> includes(List<String> include) {
        Set<String> wanted = new TreeSet<>(QueryValues.split(include));
        for (String name : wanted) {
            if (!embeddings.containsKey(name)) {
                throw QueryValues.bad("include", "'" + name + "' cannot be included; include " + embeddings.keySet());
            }
        }
        return wanted;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createEvent", summary = "Create an event", description = "Send Idempotency-Key to make retries safe: a retry with the same key "
            + "and body answers the first response again; the same key with another body is a 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventFields.class), examples = @ExampleObject(name = "conference", value = EventExamples.FIELDS)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class),
                    examples = @ExampleObject(name = "created", value = EventExamples.EVENT)))
    @APIResponse(responseCode = "409", description = "The slug is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is over 1 MiB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(EventFields fields,
                           @Parameter(description = "Makes the POST safe to retry", example = "5f0c9a51-3a7e-4d8e-9b1f-2f6f1c2a9e11")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Idempotency.Created created = service.create(fields, idempotencyKey);
        return Response.created(URI.create(created.location()))
                .tag(EntityTag.valueOf(created.etag()))
                .type(MediaType.APPLICATION_JSON)
                .entity(created.body())
                .build();
    }

    @GET
    @Path("/{ref}")
    @Operation(operationId = "getEvent", summary = "Get an event by id or slug")
    @APIResponse(responseCode = "200", description = "The event; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class),
                    examples = @ExampleObject(name = "event", value = EventExamples.EVENT)))
    @APIResponse(responseCode = "304", description = "If-None-Match or If-Modified-Since already has the current version")
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Id or slug", example = "democracy-meets-strategy") @PathParam("ref") String ref,
                        @Context Request request,
                        @Context HttpHeaders headers,
                        @Context UriInfo uri,
                        @Parameter(description = "Related records to embed: speakers, publications", example = "speakers") @QueryParam("include") List<String> include) {
        Accepts.require(headers, MediaType.APPLICATION_JSON_TYPE);
        return answers.record(uri, request, () -> {
            EventView event = service.get(ref);
            Set<String> wanted = includes(include);
            if (!wanted.isEmpty()) {
                // What it embeds changes without the event's version: the tag covers all of it.
                EventView composed = embed(List.of(event), wanted).get(0);
                return answers.composed(composed, Versions.composed(event.id(), String.join("+", wanted), composed));
            }
            return answers.version(event, Versions.tag(event.id(), event.version()), event.updatedAt());
        });
    }

    @GET
    @Path("/{ref}")
    @Produces(EventLinkedData.MEDIA_TYPE)
    @Operation(summary = "Get an event as schema.org JSON-LD", description = "Chosen with Accept: application/ld+json.")
    @APIResponse(responseCode = "200", description = "A schema.org description",
            content = @Content(mediaType = EventLinkedData.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "jsonld", value = "{\"@context\": \"https://schema.org\", \"@type\": \"Event\"}")))
    @APIResponse(responseCode = "304", description = "If-None-Match or If-Modified-Since already has the current version")
    public Response linkedData(@Parameter(description = "Id or slug", example = "democracy-meets-strategy") @PathParam("ref") String ref,
                               @Context Request request) {
        EventView event = service.get(ref);
        Object described = linkedData.describe(event);
        return Versions.readComposed(request, Versions.composed(event.id(), "ld", described), described);
    }

    @PUT
    @Path("/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceEvent", summary = "Replace an event", description = "Fields left out return to their defaults; the slug stays unless given.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EventFields.class), examples = @ExampleObject(name = "conference", value = EventExamples.FIELDS)))
    @APIResponse(responseCode = "200", description = "The replaced event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class),
                    examples = @ExampleObject(name = "event", value = EventExamples.EVENT)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match named an older version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(description = "Id or slug", example = "democracy-meets-strategy") @PathParam("ref") String ref,
                            @Parameter(description = "ETag of the version being replaced") @HeaderParam("If-Match") String ifMatch,
                            EventFields fields) {
        return single(service.replace(ref, fields, ifMatch));
    }

    @PATCH
    @Path("/{ref}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateEvent", summary = "Change some fields of an event", description = "A JSON merge patch (RFC 7396): members set a field, null clears it.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "postpone", value = EventExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The changed event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class),
                    examples = @ExampleObject(name = "event", value = EventExamples.EVENT)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match named an older version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not a merge patch", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field breaks a rule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@Parameter(description = "Id or slug", example = "democracy-meets-strategy") @PathParam("ref") String ref,
                          @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                          JsonNode patch) throws JsonProcessingException {
        return single(service.patch(ref, patch, ifMatch));
    }

    @DELETE
    @Path("/{ref}")
    @Operation(operationId = "deleteEvent", summary = "Delete an event", description = "An event with sessions cannot be deleted until they are deleted or moved.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The event has sessions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match named an older version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Id or slug", example = "democracy-meets-strategy") @PathParam("ref") String ref,
                           @Parameter(description = "ETag of the version being deleted") @HeaderParam("If-Match") String ifMatch) {
        service.delete(ref, ifMatch);
        return Response.noContent().build();
    }

    private static Response single(EventView event) {
        return Response.ok(event).tag(Versions.tag(event.id(), event.version())).build();
    }

    /** The list response as documented: a page of events. */
    @Schema(name = "EventPage", description = "A page of events")
    record EventPageDoc(List<EventView> items, long total, boolean totalExact, int limit,
                        @Schema(nullable = true) String nextCursor) {
    }
}
