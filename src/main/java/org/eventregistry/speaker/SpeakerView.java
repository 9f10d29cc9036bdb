package org.eventregistry.speaker;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A speaker as the API returns it; email and phone appear only for staff and admin callers. */
@Schema(name = "Speaker", description = "A speaker")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SpeakerView(
        @Schema(examples = "01JXE0A1B2C3D4E5F6G7H8J9K0") String id,
        @Schema(examples = "vuk-jeremic") String slug,
        @Schema(nullable = true) String honorific,
        @Schema(nullable = true, examples = "Vuk") String givenName,
        @Schema(nullable = true, examples = "Jeremić") String familyName,
        @Schema(examples = "Vuk Jeremić") String displayName,
        @Schema(nullable = true, examples = "President") String position,
        @Schema(nullable = true, examples = "CIRSD") String affiliation,
        @Schema(nullable = true, examples = "RS") String country,
        @Schema(nullable = true, description = "Sanitised HTML") String bio,
        @Schema(nullable = true) String photoUrl,
        @Schema(nullable = true) SpeakerLinks links,
        List<String> topics,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Staff and admin only") String email,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Staff and admin only") String phone,
        @Schema(examples = "2025-03-01T09:00:00Z") Instant createdAt,
        @Schema(examples = "2025-03-01T09:00:00Z") Instant updatedAt,
        @Schema(examples = "0") long version) {
}
