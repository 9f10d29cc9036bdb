package org.eventregistry.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completion for a search box: a title or name that begins with what was typed. */
@Schema(name = "Suggestion")
public record Suggestion(
        @Schema(description = "event, speaker or publication", enumeration = {"event", "speaker", "publication"}, examples = "speaker")
        String kind,
        @Schema(examples = "01JXAMPLE0000000000000000B") String id,
        @Schema(examples = "vuk-jeremic") String slug,
        @Schema(description = "The title or name", maxLength = 1000, examples = "Vuk Jeremić") String text) {
}
