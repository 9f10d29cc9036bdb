package org.eventregistry.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a search's facets counted over all its matches, segment by segment, by their ordinals in the segment
 * (named once per segment rather than once per match), read from the segment's columns: the facets with one value
 * per document counted together by the combinations of their values, the others a list of ordinals per document.
 *
 * <p>It does what the engine's terms aggregations did, for less: those looked every value of every match up in hash
 * maps, a third of a search over many matches (BENCHMARKS.md, fourth and fifth sessions).
 */
final class FacetCounts {

    /** Numeric facet values below this (every year of the common era so far) are counted in an array. */
    private static final int SMALL_NUMBERS = 4096;
    /** The numeric facet. */
    private static final String YEAR = "year";
    /** A document without a value of the numeric facet. */
    private static final long NO_NUMBER = Long.MIN_VALUE;

    private final List<String> textFacets;
    private final String numberFacet;
    private final List<Map<String, Long>> textCounts = new ArrayList<>();
    private final Map<Long, Long> numberCounts = new HashMap<>();
    /** Counts of the numeric facet's small values (years) over all segments, by value; others in {@link #numberCounts}. */
    private final int[] smallNumbers;

    /**
     * @param facets the facets to count: keyword fields with sorted-set doc values, and "year", a field with one numeric
     *               doc value (at most) per document
     */
    FacetCounts(List<String> facets) {
        this.textFacets = facets.stream().filter(f -> !f.equals(YEAR)).toList();
        this.numberFacet = facets.contains(YEAR) ? YEAR : null;
        this.smallNumbers = numberFacet == null ? null : new int[SMALL_NUMBERS];
        textFacets.forEach(f -> textCounts.add(new HashMap<>()));
    }

    /** Counts the facet values of {@code docs}, documents of {@code leaf} in increasing order. */
    void count(LeafReaderContext leaf, int[] docs) throws IOException {
        if (textFacets.isEmpty() && numberFacet == null || docs.length == 0) {
            return;
        }
        LeafReader reader = leaf.reader();
        SegmentColumns columns = SegmentColumns.of(reader);
        int facets = textFacets.size();
        SortedSetDocValues[] sets = new SortedSetDocValues[facets];
        int[][] counts = new int[facets][];
        List<Integer> single = new ArrayList<>();
        for (int i = 0; i < facets; i++) {
            sets[i] = DocValues.getSortedSet(reader, textFacets.get(i));
            counts[i] = new int[Math.toIntExact(sets[i].getValueCount())];
            if (DocValues.unwrapSingleton(sets[i]) != null && single.size() < SegmentColumns.MOST_COMBINED) {
                single.add(i);
            }
        }
        // The facets with one value per document in one pass, by the combinations of their values; the others a facet
        // at a time.
        SegmentColumns.Combinations combined = single.isEmpty() ? null
                : columns.combinations(reader, single.stream().map(textFacets::get).toList());
        if (combined == null) {
            single.clear();
        } else {
            countCombinations(combined, docs, single, counts);
        }
        for (int i = 0; i < facets; i++) {
            if (!single.contains(i)) {
                SegmentColumns.Lists lists = columns.lists(reader, textFacets.get(i));
                if (lists != null) {
                    countLists(lists, docs, counts[i]);
                } else {
                    countDocValues(sets[i], docs, counts[i]);
                }
            }
        }
        if (numberFacet != null) {
            countNumbers(columns.numbers(reader, numberFacet, NO_NUMBER), docs);
        }
        for (int i = 0; i < facets; i++) {
            Map<String, Long> into = textCounts.get(i);
            int[] c = counts[i];
            for (int ord = 0; ord < c.length; ord++) {
                if (c[ord] > 0) {
                    into.merge(sets[i].lookupOrd(ord).utf8ToString(), (long) c[ord], Long::sum);
                }
            }
        }
    }

    /** Counts each combination, then each combination's values: {@code counts[single.get(j)]} for its j-th field. */
    private static void countCombinations(SegmentColumns.Combinations combined, int[] docs, List<Integer> single, int[][] counts) {
        int[] codes = combined.codes();
        int[] perCode = new int[combined.ordinals().length];
        for (int doc : docs) {
            perCode[codes[doc]]++;
        }
        for (int code = 0; code < perCode.length; code++) {
            int[] ords = combined.ordinals()[code];
            for (int j = 0; perCode[code] > 0 && j < ords.length; j++) {
                if (ords[j] >= 0) {
                    counts[single.get(j)][ords[j]] += perCode[code];
                }
            }
        }
    }

    private static void countLists(SegmentColumns.Lists lists, int[] docs, int[] counts) {
        int[] starts = lists.starts();
        char[] ords = lists.ordinals();
        for (int doc : docs) {
            for (int at = starts[doc], end = starts[doc + 1]; at < end; at++) {
                counts[ords[at]]++;
            }
        }
    }

    /** A facet with more values than the columns keep, from its doc values. */
    private static void countDocValues(SortedSetDocValues set, int[] docs, int[] counts) throws IOException {
        for (int doc : docs) {
            if (set.advanceExact(doc)) {
                for (int n = set.docValueCount(); n > 0; n--) {
                    counts[(int) set.nextOrd()]++;
                }
            }
        }
    }

    private void countNumbers(long[] numbers, int[] docs) {
        for (int doc : docs) {
            long value = numbers[doc];
            if (value >= 0 && value < SMALL_NUMBERS) {
                smallNumbers[(int) value]++;
            } else if (value != NO_NUMBER) {
                numberCounts.merge(value, 1L, Long::sum);
            }
        }
    }

    /** Each facet's most frequent values ({@link SearchService#mostValues} of them) and their counts, in the facets' order. */
    Map<String, Map<String, Long>> top(List<String> facets) {
        Map<String, Map<String, Long>> top = new LinkedHashMap<>();
        for (String facet : facets) {
            Map<String, Long> values = new LinkedHashMap<>();
            if (facet.equals(YEAR)) {
                mostFrequent(numberCounts(), SearchService.mostValues(facet)).forEach((year, n) -> values.put(String.valueOf(year), n));
            } else {
                values.putAll(mostFrequent(textCounts(facet), SearchService.mostValues(facet)));
            }
            top.put(facet, values);
        }
        return top;
    }

    /** The counts of a keyword facet's values among all the matches. */
    private Map<String, Long> textCounts(String facet) {
        return textCounts.get(textFacets.indexOf(facet));
    }

    /** The counts of the numeric facet's values among all the matches. */
    private Map<Long, Long> numberCounts() {
        Map<Long, Long> all = new HashMap<>(numberCounts);
        for (int value = 0; smallNumbers != null && value < SMALL_NUMBERS; value++) {
            if (smallNumbers[value] > 0) {
                all.merge((long) value, (long) smallNumbers[value], Long::sum);
            }
        }
        return all;
    }

    /**
     * The {@code max} most frequent values, most frequent first; equal counts in the values' order, which for text is
     * the order of their UTF-8 bytes, as the index orders terms (and the mapping's aggregations cut).
     */
    private static <K extends Comparable<K>> Map<K, Long> mostFrequent(Map<K, Long> counts, int max) {
        Comparator<K> order = (a, b) -> a instanceof String x && b instanceof String y
                ? new BytesRef(x).compareTo(new BytesRef(y)) : a.compareTo(b);
        Map<K, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<K, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(order)))
                .limit(max)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
