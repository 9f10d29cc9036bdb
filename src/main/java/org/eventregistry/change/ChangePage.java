package org.eventregistry.change;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of the change stream and the cursor to continue from (the same cursor when nothing is new). */
@Schema(name = "ChangePage", description = "A page of changes in commit order")
public record ChangePage(
        @Schema(maxItems = 1000) List<Change> items,
        @Schema(description = "Pass as after= for the next page; unchanged when the page is empty",
                examples = "cDo0Mg.Zk9xY2hWbE1tN1p3") String nextCursor,
        @Schema(description = "Whether more changes wait after this page", examples = "false") boolean more) {
}
