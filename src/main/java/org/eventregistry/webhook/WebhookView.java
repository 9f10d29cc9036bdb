package org.eventregistry.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A subscription as its owner sees it; {@code secret} is present only in the answers that create or rotate it. */
@Schema(name = "Webhook", description = "A webhook subscription")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookView(
        @Schema(examples = "01JXF3N8W2Q5R7T9V1X3Z5B7D9") String id,
        @Schema(examples = "https://partner.example.org/hooks/registry") String url,
        @Schema(examples = "[\"event.*\", \"lineup.updated\"]") List<String> types,
        @Schema(nullable = true, examples = "[\"Western Balkans\"]") List<String> topics,
        @Schema(nullable = true, examples = "[\"Horizons Discussions\"]") List<String> series,
        @Schema(nullable = true, examples = "Rebuilds the partner site's calendar") String description,
        @Schema(description = "Whether changes are delivered", examples = "true") boolean active,
        @Schema(nullable = true, description = "Why delivery stopped, when the registry paused or disabled the subscription",
                maxLength = 2000, examples = "Deliveries failed for PT24H; last attempt: 503 Service Unavailable") String pausedReason,
        @Schema(nullable = true) Instant pausedAt,
        @Schema(nullable = true, description = "Until when the previous secret still signs, after a rotation") Instant previousSecretExpiresAt,
        @Schema(description = "Who manages the subscription", maxLength = 300, examples = "token:01JXD9A7M4K2P8R3T6V1W5X0YZ") String owner,
        @Schema(examples = "2026-11-26T10:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-26T10:00:00Z") Instant updatedAt,
        @Schema(examples = "1") long version,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The signing secret in the Standard Webhooks form, shown once: only in the answers that create or rotate it",
                maxLength = 100, examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9XrHDjtdFdQ=") String secret) {
}
