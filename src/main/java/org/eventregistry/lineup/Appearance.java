package org.eventregistry.lineup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eventregistry.event.EventView;
import org.eventregistry.speaker.SpeakerRole;

import java.util.List;

/** An event a speaker took part in, with the parts they played in it. */
@Schema(name = "Appearance", description = "An event of the speaker's, with their roles in it")
public record Appearance(EventView event, List<Part> parts) {

    /** One role of the speaker in the event. */
    @Schema(name = "AppearancePart", description = "A role the speaker had in the event")
    public record Part(@Schema(examples = "PANELIST") SpeakerRole role,
                       @Schema(examples = "2") int order,
                       @Schema(nullable = true) String sessionTitle,
                       @Schema(nullable = true, examples = "CIRSD") String affiliationAtEvent) {
    }
}
