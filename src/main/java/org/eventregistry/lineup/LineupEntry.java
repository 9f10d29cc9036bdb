package org.eventregistry.lineup;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.speaker.SpeakerRole;

/** A place in an event's line-up as the API returns it, with the speaker's public summary. */
@Schema(name = "LineupEntry", description = "A speaker's place in an event's line-up")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LineupEntry(
        @Schema(description = "Id of this place in the line-up", examples = "01JXE1P2Q3R4S5T6V7W8X9Y0Z1") String id,
        @Schema(examples = "MODERATOR") SpeakerRole role,
        @Schema(examples = "0") int order,
        @Schema(nullable = true, examples = "Opening remarks") String sessionTitle,
        @Schema(nullable = true, examples = "CIRSD") String affiliationAtEvent,
        SpeakerSummary speaker) {

    /** The public face of a speaker inside a line-up. */
    @Schema(name = "SpeakerSummary", description = "A speaker's id, names, position, affiliation and photo")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SpeakerSummary(
            @Schema(examples = "01JXE0A1B2C3D4E5F6G7H8J9K0") String id,
            @Schema(examples = "vuk-jeremic") String slug,
            @Schema(examples = "Vuk Jeremić") String displayName,
            @Schema(nullable = true, examples = "President") String position,
            @Schema(nullable = true, examples = "CIRSD") String affiliation,
            @Schema(nullable = true) String photoUrl) {
    }

    static LineupEntry of(Participation p) {
        return new LineupEntry(p.id, p.role, p.position, p.sessionTitle, p.affiliationAtEvent,
                new SpeakerSummary(p.speaker.id, p.speaker.slug, p.speaker.displayName, p.speaker.position,
                        p.speaker.affiliation, p.speaker.photoUrl));
    }
}
