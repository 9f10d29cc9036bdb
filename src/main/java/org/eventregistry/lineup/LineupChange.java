package org.eventregistry.lineup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.speaker.SpeakerRole;

/** The changeable fields of a line-up place (the speaker stays: remove and add to change who). */
@Schema(name = "LineupChange", description = "The changeable fields of a line-up place")
@JsonIgnoreProperties(value = {"id", "speaker"}, allowGetters = false)
public record LineupChange(
        @Schema(examples = "CHAIR") @NotNull SpeakerRole role,
        @Schema(examples = "0") @NotNull @Min(0) @Max(LineupFields.MAX_ORDER) Integer order,
        @Schema(nullable = true) @Size(max = 300) String sessionTitle,
        @Schema(nullable = true) @Size(max = 200) String affiliationAtEvent) {
}
