package org.eventregistry.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One delivery of the delivery log. */
@Schema(name = "WebhookDelivery", description = "A message to a subscription and the outcome of its attempts")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryView(
        @Schema(examples = "01JXF4A2C4E6G8J0K2M4P6R8T0") String id,
        @Schema(maxLength = 26, pattern = "^[0-9A-HJKMNP-TV-Z]{26}$", examples = "01JXF3N8W2Q5R7T9V1X3Z5B7D9") String webhookId,
        @Schema(description = "The webhook-id header: the same on every attempt and on a redelivery", maxLength = 100,
                examples = "msg_01JXF4A2C4E6G8J0K2M4P6R8T0")
        String messageId,
        @Schema(examples = "event.updated") String type,
        @Schema(description = "PENDING (queued, being retried, or waiting for a paused subscription to resume), DELIVERED, or FAILED "
                + "(the receiver refused it for good: a 4xx other than 408 and 429, or a redirect, which is never followed)",
                enumeration = {"PENDING", "DELIVERED", "FAILED"}, examples = "DELIVERED") String status,
        @Schema(format = "int32", minimum = "0", maximum = "2147483647", examples = "1") int attempts,
        @Schema(nullable = true, description = "The receiver's status code at the last attempt", format = "int32", minimum = "100",
                maximum = "599", examples = "200") Integer responseCode,
        @Schema(nullable = true, description = "Milliseconds from sending to the answer at the last attempt", format = "int64",
                minimum = "0", maximum = "9223372036854775807", examples = "84") Long latencyMs,
        @Schema(nullable = true, description = "What went wrong at the last attempt", maxLength = 2000, examples = "connection refused")
        String error,
        @Schema(examples = "2026-11-26T10:15:30.123456Z") Instant createdAt,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true, description = "When the next attempt is due") Instant nextAttemptAt,
        @Schema(nullable = true) Instant finishedAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.webhookId, d.messageId, d.type, d.status.name(), d.attempts, d.responseCode, d.latencyMs,
                d.error, d.createdAt, d.lastAttemptAt, d.nextAttemptAt, d.finishedAt);
    }
}
