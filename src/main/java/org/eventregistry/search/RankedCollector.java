package org.eventregistry.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.PriorityQueue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over every match of a search on the embedded index: counts them, keeps the best {@code size} by score,
 * then recency (latest first, records without one last), then index order, and counts each facet's values by their
 * ordinals in the segment's doc values, named once per segment rather than once per match.
 *
 * <p>It does what the engine's own top-hits collector and terms aggregations did, for less: those looked every value
 * of every match up in hash maps, a third of a search over many matches (BENCHMARKS.md, fourth and fifth sessions).
 */
final class RankedCollector implements Collector {

    /** A kept match; {@code doc} is the reader-wide document number. */
    record Hit(int doc, float score) {
    }

    private record Ranked(int doc, float score, long recency) {
    }

    /** Numeric facet values below this (every year of the common era so far) are counted in an array. */
    private static final int SMALL_NUMBERS = 4096;
    /** A document without a value of the numeric facet. */
    private static final long NO_NUMBER = Long.MIN_VALUE;

    private final int size;
    private final String recencyField;
    private final List<String> textFacets;
    private final String numberFacet;
    private final Queue queue;
    private final List<Map<String, Long>> textCounts = new ArrayList<>();
    private final Map<Long, Long> numberCounts = new HashMap<>();
    private long total;

    /**
     * @param size         how many of the best matches to keep (0: only count)
     * @param recencyField the numeric doc values field that orders equal scores, latest first
     * @param textFacets   keyword fields with sorted-set doc values whose values are counted
     * @param numberFacet  a field with one numeric doc value (at most) per document whose values are counted, or null
     */
    RankedCollector(int size, String recencyField, List<String> textFacets, String numberFacet) {
        this.size = size;
        this.recencyField = recencyField;
        this.textFacets = List.copyOf(textFacets);
        this.numberFacet = numberFacet;
        this.queue = new Queue(Math.max(1, size));
        textFacets.forEach(f -> textCounts.add(new HashMap<>()));
    }

    long total() {
        return total;
    }

    /** The kept matches, best first (once: taking them empties the queue). */
    List<Hit> hits() {
        // The queue gives up its worst first.
        Hit[] best = new Hit[queue.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            Ranked r = queue.pop();
            best[i] = new Hit(r.doc(), r.score());
        }
        return List.of(best);
    }

    /** The counts of a keyword facet's values among all the matches. */
    Map<String, Long> textCounts(String facet) {
        return textCounts.get(textFacets.indexOf(facet));
    }

    /** The counts of the numeric facet's values among all the matches. */
    Map<Long, Long> numberCounts() {
        return numberCounts;
    }

    /** Whether {@code a} ranks below {@code b}. */
    private static boolean worse(Ranked a, Ranked b) {
        if (a.score() != b.score()) {
            return a.score() < b.score();
        }
        if (a.recency() != b.recency()) {
            return a.recency() < b.recency();
        }
        return a.doc() > b.doc();
    }

    @Override
    public ScoreMode scoreMode() {
        return size > 0 ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return new Leaf(context);
    }

    /** Keeps the best {@code size}: the top of the heap is the worst kept. */
    private static final class Queue extends PriorityQueue<Ranked> {
        Queue(int size) {
            super(size);
        }

        @Override
        protected boolean lessThan(Ranked a, Ranked b) {
            return worse(a, b);
        }
    }

    private final class Leaf implements LeafCollector {
        private final int docBase;
        private final long[] recency;
        /** Each keyword facet's ordinals, from the segment's columns, or (for lists of values) from its doc values. */
        private final SegmentColumns.Ordinals[] ordinals;
        private final SortedSetDocValues[] sets;
        private final int[][] counts;
        private final long[] numbers;
        /** Counts of the numeric facet's small values (years), by value; others in {@link #otherNumbers}. */
        private final int[] smallNumbers;
        private final Map<Long, Long> otherNumbers = new HashMap<>();
        private Scorable scorer;

        Leaf(LeafReaderContext context) throws IOException {
            LeafReader reader = context.reader();
            SegmentColumns columns = SegmentColumns.of(reader);
            docBase = context.docBase;
            recency = size > 0 ? columns.numbers(reader, recencyField, Long.MIN_VALUE) : null;
            ordinals = new SegmentColumns.Ordinals[textFacets.size()];
            sets = new SortedSetDocValues[textFacets.size()];
            counts = new int[textFacets.size()][];
            for (int i = 0; i < sets.length; i++) {
                sets[i] = DocValues.getSortedSet(reader, textFacets.get(i));
                ordinals[i] = columns.ordinals(reader, textFacets.get(i));
                counts[i] = new int[Math.toIntExact(sets[i].getValueCount())];
            }
            numbers = numberFacet == null ? null : columns.numbers(reader, numberFacet, NO_NUMBER);
            smallNumbers = numberFacet == null ? null : new int[SMALL_NUMBERS];
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            total++;
            for (int i = 0; i < sets.length; i++) {
                SegmentColumns.Ordinals column = ordinals[i];
                if (column != null) {
                    int ord = column.get(doc);
                    if (ord >= 0) {
                        counts[i][ord]++;
                    }
                } else if (sets[i].advanceExact(doc)) {
                    SortedSetDocValues set = sets[i];
                    for (int n = set.docValueCount(); n > 0; n--) {
                        counts[i][(int) set.nextOrd()]++;
                    }
                }
            }
            if (numbers != null) {
                long value = numbers[doc];
                if (value >= 0 && value < SMALL_NUMBERS) {
                    smallNumbers[(int) value]++;
                } else if (value != NO_NUMBER) {
                    otherNumbers.merge(value, 1L, Long::sum);
                }
            }
            if (size == 0) {
                return;
            }
            float score = scorer.score();
            long latest = recency[doc];
            if (queue.size() == size) {
                Ranked bottom = queue.top();
                // Later documents lose ties on score and recency.
                if (score < bottom.score() || score == bottom.score() && latest <= bottom.recency()) {
                    return;
                }
                queue.updateTop(new Ranked(docBase + doc, score, latest));
            } else {
                queue.add(new Ranked(docBase + doc, score, latest));
            }
        }

        @Override
        public void finish() throws IOException {
            for (int i = 0; i < sets.length; i++) {
                Map<String, Long> into = textCounts.get(i);
                int[] c = counts[i];
                for (int ord = 0; ord < c.length; ord++) {
                    if (c[ord] > 0) {
                        into.merge(sets[i].lookupOrd(ord).utf8ToString(), (long) c[ord], Long::sum);
                    }
                }
            }
            for (int value = 0; smallNumbers != null && value < SMALL_NUMBERS; value++) {
                if (smallNumbers[value] > 0) {
                    numberCounts.merge((long) value, (long) smallNumbers[value], Long::sum);
                }
            }
            otherNumbers.forEach((value, count) -> numberCounts.merge(value, count, Long::sum));
        }
    }

    /**
     * The {@code max} most frequent values, most frequent first; equal counts in the values' order, which for text is
     * the order of their UTF-8 bytes, as the index orders terms (and the mapping's aggregations cut).
     */
    static <K extends Comparable<K>> Map<K, Long> mostFrequent(Map<K, Long> counts, int max) {
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
