package org.eventregistry.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** One page of search results, best first, with the counts of every facet over all the results. */
@Schema(name = "SearchPage")
public record SearchPage(
        List<SearchHit> items,
        @Schema(description = "How many records match in all", examples = "42") long total,
        @Schema(description = "The page size used", examples = "20") int limit,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page", nullable = true,
                examples = "eyJzIjoib2Zmc2V0IiwiZiI6IkFCQyIsInYiOlsiMjAiXX0.c2ln") String nextCursor,
        @Schema(description = "For each facet (kind, topic, eventType, publicationType, year, country), its values among all "
                + "the results with their counts, most frequent first (at most 100 values each); on the first page only "
                + "(later pages, reached with a cursor, have it empty)", maxProperties = 6)
        Map<String, List<FacetCount>> facets,
        @Schema(description = "False when the index was still catching up with recent writes when the search ran",
                examples = "true") boolean current) {

    /** A facet value and how many results have it. */
    @Schema(name = "FacetCount")
    public record FacetCount(@Schema(maxLength = 200, examples = "CONFERENCE") String value,
                             @Schema(format = "int64", minimum = "1", maximum = "9223372036854775807", examples = "12") long count) {
    }
}
