package org.eventregistry.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.lineup.LineupEntry;
import org.eventregistry.publication.PublicationView;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event as the API returns it; start and end carry the offset of the event's own zone. What it embeds
 * comes from {@link EventEmbedding}s: the schema classes are named for the API document only.
 */
@Schema(name = "Event", description = "An event")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventView(
        @Schema(description = "Opaque id, stable forever", examples = "01JXD8ZK3Q4M9V6T2B7C5N1P0R") String id,
        @Schema(examples = "democracy-meets-strategy") String slug,
        @Schema(examples = "Democracy Meets Strategy: Parliament's Place in China Policy") String title,
        @Schema(nullable = true) String subtitle,
        @Schema(nullable = true) String summary,
        @Schema(nullable = true, description = "Sanitised HTML") String description,
        @Schema(examples = "CONFERENCE") EventType type,
        @Schema(examples = "PUBLISHED") PublicationStatus publicationStatus,
        @Schema(examples = "SCHEDULED") EventStatus status,
        @Schema(examples = "IN_PERSON") EventFormat format,
        @Schema(examples = "2025-06-05T10:00:00+02:00") OffsetDateTime startsAt,
        @Schema(examples = "2025-06-05T17:00:00+02:00") OffsetDateTime endsAt,
        @Schema(examples = "Europe/Belgrade") String timeZone,
        @Schema(nullable = true) VenueFields venue,
        @Schema(nullable = true) String onlineUrl,
        @Schema(nullable = true) String registrationUrl,
        @Schema(nullable = true) String imageUrl,
        @Schema(examples = "[\"China\", \"Western Balkans\"]") List<String> topics,
        @Schema(nullable = true, examples = "en") String language,
        @Schema(nullable = true, examples = "Horizons Discussions") String series,
        @Schema(nullable = true, description = "Id of the event this one is a session of") String parentEvent,
        @Schema(examples = "2025-05-20T08:15:00Z") Instant createdAt,
        @Schema(examples = "2025-05-21T09:30:00Z") Instant updatedAt,
        @Schema(examples = "3") long version,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The ordered line-up, with include=speakers", type = SchemaType.ARRAY, maxItems = 500, implementation = LineupEntry.class)
        List<?> speakers,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Related publications, newest first, with include=publications", type = SchemaType.ARRAY,
                implementation = PublicationView.class)
        List<?> publications) {

    /** The same event with its line-up embedded. */
    public EventView withSpeakers(List<?> lineup) {
        return new EventView(id, slug, title, subtitle, summary, description, type, publicationStatus, status, format, startsAt,
                endsAt, timeZone, venue, onlineUrl, registrationUrl, imageUrl, topics, language, series, parentEvent, createdAt,
                updatedAt, version, lineup, publications);
    }

    /** The same event with its related publications embedded. */
    public EventView withPublications(List<?> related) {
        return new EventView(id, slug, title, subtitle, summary, description, type, publicationStatus, status, format, startsAt,
                endsAt, timeZone, venue, onlineUrl, registrationUrl, imageUrl, topics, language, series, parentEvent, createdAt,
                updatedAt, version, speakers, related);
    }
}
