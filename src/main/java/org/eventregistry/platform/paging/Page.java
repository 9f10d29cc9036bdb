package org.eventregistry.platform.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list: the items, how many match in all, the page size, and the cursor of the next page (null on the last). */
public record Page<T>(
        List<T> items,
        @Schema(description = "How many records match the filters in all", examples = "42") long total,
        @Schema(description = "The page size used", examples = "20") int limit,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page", nullable = true,
                examples = "eyJzIjoic3RhcnRzQXQiLCJ2IjpbIjE3NDkxMTA0MDAwMDAwMDAiLCIwMUpYIl19.Qm9n")
        String nextCursor) {
}
