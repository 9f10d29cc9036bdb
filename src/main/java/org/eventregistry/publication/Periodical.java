package org.eventregistry.publication;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a piece appeared: the journal or magazine, its volume and issue, and the pages. */
@Schema(name = "Periodical", description = "The journal or magazine a piece appeared in")
public record Periodical(
        @Schema(nullable = true, examples = "Horizons") @Size(max = 200) String name,
        @Schema(nullable = true, examples = "25") @Size(max = 20) String volume,
        @Schema(nullable = true, examples = "Autumn 2023") @Size(max = 20) String issue,
        @Schema(nullable = true, examples = "118-131") @Size(max = 20) String pages) {

    @JsonIgnore
    @Schema(hidden = true)
    boolean isEmpty() {
        return name == null && volume == null && issue == null && pages == null;
    }
}
