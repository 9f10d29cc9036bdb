package org.eventregistry.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.platform.record.PublicationStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A publication as the API returns it, with its authors and related events summarised. */
@Schema(name = "Publication", description = "A publication")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PublicationView(
        @Schema(examples = "01JXF0A1B2C3D4E5F6G7H8J9K0") String id,
        @Schema(examples = "cybersecurity-treaties-may-be-nice") String slug,
        @Schema(examples = "ESSAY") PublicationType type,
        String title,
        @Schema(nullable = true) String subtitle,
        @JsonProperty("abstract") @Schema(nullable = true, description = "Sanitised HTML") String summary,
        @Schema(nullable = true, description = "Sanitised HTML") String body,
        @Schema(nullable = true, examples = "2015-10") String publishedOn,
        @Schema(nullable = true) Periodical periodical,
        @Schema(nullable = true) String publisher,
        @Schema(nullable = true, examples = "10.1000/xyz123") String doi,
        @Schema(nullable = true, examples = "9788688933009") String isbn,
        @Schema(nullable = true) String url,
        @Schema(nullable = true) String imageUrl,
        @Schema(nullable = true, examples = "en") String language,
        List<String> topics,
        @Schema(examples = "PUBLISHED") PublicationStatus publicationStatus,
        List<Author> authors,
        List<RelatedEvent> relatedEvents,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** An author's public summary. */
    @Schema(name = "Author", description = "An author of a publication")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Author(@Schema(examples = "01JXE0A1B2C3D4E5F6G7H8J9K0") String id,
                         @Schema(examples = "meg-king") String slug,
                         @Schema(examples = "Meg King") String displayName,
                         @Schema(nullable = true, examples = "Meg") String givenName,
                         @Schema(nullable = true, examples = "King") String familyName,
                         @Schema(nullable = true, examples = "Wilson Center") String affiliation) {
    }

    /** A related event's summary. */
    @Schema(name = "RelatedEvent", description = "An event a publication came out of or reports on")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RelatedEvent(String id, String slug, String title, OffsetDateTime startsAt) {
    }
}
