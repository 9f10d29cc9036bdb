package org.eventregistry.platform.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a list: the items, how many match in all (counted up to a limit), the page size, and the cursor of
 * the next page (null on the last).
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "How many records match the filters in all, counted up to 1,000 (registry.list-total-limit): "
                + "when more match, total is that limit and totalExact is false", examples = "42") long total,
        @Schema(description = "Whether total counts every match (false: at least total match)", examples = "true") boolean totalExact,
        @Schema(description = "The page size used", examples = "20") int limit,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page", nullable = true,
                examples = "eyJzIjoic3RhcnRzQXQiLCJ2IjpbIjE3NDkxMTA0MDAwMDAwMDAiLCIwMUpYIl19.Qm9n")
        String nextCursor) {

    /** The same page with other items (embedded records, another view of each row). */
    public <U> Page<U> with(List<U> others) {
        return new Page<>(others, total, totalExact, limit, nextCursor);
    }
}
