package org.eventregistry.publication;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a piece appeared: the journal or magazine, its volume and issue, and the pages. */
@Schema(name = "Periodical", description = "The journal or magazine a piece appeared in")
public record Periodical(
        @Schema(examples = "Horizons") @Size(max = 200) String name,
        @Schema(examples = "25") @Size(max = 20) String volume,
        @Schema(examples = "Autumn 2023") @Size(max = 20) String issue,
        @Schema(examples = "118-131") @Size(max = 20) String pages) {

    boolean isEmpty() {
        return name == null && volume == null && issue == null && pages == null;
    }
}
