package org.eventregistry.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.platform.validation.HttpUrl;
import org.eventregistry.platform.validation.LanguageTag;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.platform.text.Slugs;
import org.eventregistry.platform.validation.TimeZoneId;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * The writable fields of an event, as sent to POST and PUT (and produced by applying a PATCH).
 * The read-only fields of a fetched event are accepted and ignored, so a GET body can be sent back with PUT.
 */
@Schema(name = "EventFields", description = "The writable fields of an event")
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"}, allowGetters = false)
public record EventFields(
        @Schema(description = "URL-safe name, unique among events; derived from the title when absent",
                examples = "democracy-meets-strategy", maxLength = Slugs.MAX_LENGTH)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits separated by single dashes")
        String slug,

        @Schema(required = true, examples = "Democracy Meets Strategy: Parliament's Place in China Policy")
        @NotBlank @Size(max = 300) String title,

        @Schema(examples = "A regional conference of Western Balkan parliamentarians")
        @Size(max = 300) String subtitle,

        @Schema(description = "Plain-text teaser for lists", examples = "Parliamentarians, policymakers and experts examine the region's cooperation with China.")
        @Size(max = 2000) String summary,

        @Schema(description = "HTML, sanitised to an allow-list (p, a, em, strong, lists, headings, blockquote)",
                examples = "<p>The event gathered parliamentarians from across the <em>Western Balkans</em>.</p>")
        @Size(max = 100_000) String description,

        @Schema(required = true, examples = "CONFERENCE") @NotNull EventType type,

        @Schema(description = "PUBLISHED when created without it; a replace without it keeps the current status",
                examples = "PUBLISHED") PublicationStatus publicationStatus,

        @Schema(description = "Defaults to SCHEDULED", examples = "SCHEDULED") EventStatus status,

        @Schema(description = "Defaults to IN_PERSON", examples = "IN_PERSON") EventFormat format,

        @Schema(required = true, description = "ISO-8601 instant with offset", examples = "2025-06-05T10:00:00+02:00")
        @NotNull OffsetDateTime startsAt,

        @Schema(required = true, description = "ISO-8601 instant with offset; not before startsAt", examples = "2025-06-05T17:00:00+02:00")
        @NotNull OffsetDateTime endsAt,

        @Schema(required = true, description = "IANA time-zone id of the event's place", examples = "Europe/Belgrade")
        @NotNull @TimeZoneId String timeZone,

        @Valid VenueFields venue,

        @Schema(examples = "https://www.youtube.com/watch?v=example") @HttpUrl String onlineUrl,

        @Schema(examples = "https://www.cirsd.org/en/register") @HttpUrl String registrationUrl,

        @Schema(examples = "https://www.cirsd.org/images/democracy-meets-strategy.jpg") @HttpUrl String imageUrl,

        @Schema(description = "Tags, at most 20", examples = "[\"China\", \"Western Balkans\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,

        @Schema(description = "BCP 47 language tag", examples = "en") @LanguageTag String language,

        @Schema(description = "Name of the series the event belongs to", examples = "Horizons Discussions")
        @Size(max = 200) String series,

        @Schema(description = "Id or slug of the event this one is a session of", examples = "democracy-meets-strategy")
        @Size(max = Slugs.MAX_LENGTH) String parentEvent) {

    /** The fields that always have a value: a merge patch may change them, not remove them. */
    public static final Set<String> NO_NULL_STATE = Set.of("title", "type", "publicationStatus", "status", "format", "startsAt",
            "endsAt", "timeZone");
}
