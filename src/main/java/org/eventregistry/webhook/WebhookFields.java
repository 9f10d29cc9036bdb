package org.eventregistry.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a partner sends to subscribe, and what a merge patch changes. */
@Schema(name = "WebhookFields", description = "A webhook subscription")
public record WebhookFields(
        @Schema(required = true, description = "Where deliveries are POSTed: an https URL on a public address",
                examples = "https://partner.example.org/hooks/registry", maxLength = 2000)
        @NotBlank @Size(max = 2000) String url,
        @Schema(required = true, description = "Change types: <kind>.<action> with kind event, speaker, publication or lineup and "
                + "action created, updated or deleted; * stands for any kind or action", examples = "[\"event.*\", \"lineup.updated\"]")
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> types,
        @Schema(description = "Only records with one of these topics (events, speakers, publications); deletions and line-ups pass",
                examples = "[\"Western Balkans\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
        @Schema(description = "Only events of one of these series; other kinds, deletions and line-ups pass",
                examples = "[\"Horizons Discussions\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> series,
        @Schema(description = "What the subscription is for", examples = "Rebuilds the partner site's calendar", maxLength = 500)
        @Size(max = 500) String description,
        @Schema(description = "Whether changes are delivered (default true); true resumes a paused subscription", examples = "true")
        Boolean active) {

    /** The merge patch view of a stored subscription. */
    static WebhookFields of(Webhook w) {
        return new WebhookFields(w.url, WebhookService.list(w.types), nullable(w.topics), nullable(w.series), w.description, w.active);
    }

    private static List<String> nullable(String joined) {
        return joined == null ? null : WebhookService.list(joined);
    }
}
