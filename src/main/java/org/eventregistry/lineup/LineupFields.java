package org.eventregistry.lineup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.speaker.SpeakerRole;

/** One place in a line-up, as sent to add a speaker or to replace the whole line-up. */
@Schema(name = "LineupFields", description = "A speaker's place in an event's line-up")
public record LineupFields(
        @Schema(required = true, description = "Id or slug of the speaker", examples = "vuk-jeremic") @NotBlank @Size(max = 120) String speaker,
        @Schema(required = true, examples = "MODERATOR") @NotNull SpeakerRole role,
        @Schema(nullable = true, description = "Position in the line-up, 0 to 10000; after the others when absent or null", examples = "1")
        @Min(0) @Max(LineupFields.MAX_ORDER) Integer order,
        @Schema(nullable = true, description = "Title of the talk or session", examples = "Opening remarks") @Size(max = 300) String sessionTitle,
        @Schema(nullable = true, description = "Affiliation shown for this event; the speaker's current one when absent or null",
                examples = "CIRSD")
        @Size(max = 200) String affiliationAtEvent) {

    public static final int MAX_ORDER = 10_000;
}
