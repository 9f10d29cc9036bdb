package org.eventregistry.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eventregistry.platform.http.Problem;
import org.eventregistry.platform.http.Versions;
import org.eventregistry.platform.json.MergePatch;
import org.eventregistry.platform.paging.Lists;

import java.net.URI;
import java.util.List;

/** Webhook subscriptions: partners manage their own (admins all), see their delivery log, redeliver and ping. */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Changes pushed to partners as signed Standard Webhooks deliveries (any token; partners see their own)")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final String ID_EXAMPLE = "01JXF3N8W2Q5R7T9V1X3Z5B7D9";

    private final WebhookService service;

    public WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe to changes",
            description = "Deliveries start with the next change committed. The answer is the only place the signing secret appears "
                    + "(Standard Webhooks form, whsec_ + base64). The URL must be https on a public address.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookFields.class), examples = @ExampleObject(name = "calendar", value = WebhookExamples.FIELDS)))
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the subscription, secret holds the signing secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "created", value = WebhookExamples.NEW_WEBHOOK)))
    public Response create(WebhookFields fields) {
        WebhookView webhook = service.create(fields);
        return Response.created(URI.create("/api/v1/webhooks/" + webhook.id())).tag(Versions.tag(webhook.id(), webhook.version()))
                .entity(webhook).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions", description = "Newest first: the caller's own; all for admins.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPageDoc.class),
                    examples = @ExampleObject(name = "page", value = WebhookExamples.PAGE)))
    public Response list(@Parameter(description = "Page size, 1 to 100", example = "20",
                                 schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        return Lists.response(service.list(limit, cursor), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The subscription; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = WebhookExamples.WEBHOOK)))
    public Response get(@Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") String id) {
        return single(service.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateWebhook", summary = "Change a webhook subscription",
            description = "A JSON merge patch (RFC 7396). {\"active\": true} resumes a paused subscription where it stopped; "
                    + "{\"active\": false} pauses it (changes keep being kept for it).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "resume", value = WebhookExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The changed subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = WebhookExamples.WEBHOOK)))
    public Response update(@Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") String id,
                           @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                           JsonNode patch) throws JsonProcessingException {
        return single(service.patch(id, patch, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription", description = "Its queued deliveries and its delivery log go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") String id,
                           @Parameter(description = "ETag of the version being deleted") @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = "The answer shows the new secret, once. For the grace period every delivery carries two signatures, "
                    + "one by each secret, so receivers can switch without losing a delivery.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "rotated", value = WebhookExamples.NEW_WEBHOOK)))
    public Response rotate(@Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") String id,
                           @Parameter(description = "How long the previous secret keeps signing: an ISO-8601 duration up to P7D (default PT24H)",
                                   example = "PT24H") @QueryParam("gracePeriod") String gracePeriod) {
        return single(service.rotate(id, gracePeriod));
    }

    @POST
    @Path("/{id}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a test delivery",
            description = "Queues a webhook.ping delivery (data: the subscription id), signed and sent like any other; "
                    + "follow it in the delivery log.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "queued", value = WebhookExamples.QUEUED)))
    @APIResponse(responseCode = "409", description = "The subscription is paused or disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ping(@Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") String id) {
        return Response.accepted(service.ping(id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription",
            description = "Newest first: status, attempts, the receiver's last answer and latency, and when the next attempt is due. "
                    + "Finished deliveries are kept for registry.webhooks.delivery-retention.")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPageDoc.class),
                    examples = @ExampleObject(name = "page", value = WebhookExamples.DELIVERY_PAGE)))
    public Response deliveries(@Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") String id,
                               @Parameter(description = "Page size, 1 to 100", example = "20",
                                       schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
                               @QueryParam("limit") String limit,
                               @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                               @Context UriInfo uri) {
        return Lists.response(service.deliveries(id, limit, cursor), uri);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Queues the same message again (same body and webhook-id) behind the subscription's queued deliveries.")
    @APIResponse(responseCode = "202", description = "Queued: the new delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "queued", value = WebhookExamples.QUEUED)))
    @APIResponse(responseCode = "409", description = "The subscription is paused or disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response redeliver(@Parameter(description = "Subscription id", example = ID_EXAMPLE) @PathParam("id") String id,
                              @Parameter(description = "Delivery id", example = "01JXF4A2C4E6G8J0K2M4P6R8T0") @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(service.redeliver(id, deliveryId)).build();
    }

    private static Response single(WebhookView webhook) {
        return Response.ok(webhook).tag(Versions.tag(webhook.id(), webhook.version())).build();
    }

    /** The list response as documented. */
    @Schema(name = "WebhookPage", description = "A page of webhook subscriptions")
    record WebhookPageDoc(List<WebhookView> items, long total, int limit, @Schema(nullable = true) String nextCursor) {
    }

    /** The list response as documented. */
    @Schema(name = "WebhookDeliveryPage", description = "A page of webhook deliveries")
    record DeliveryPageDoc(List<DeliveryView> items, long total, int limit, @Schema(nullable = true) String nextCursor) {
    }
}
