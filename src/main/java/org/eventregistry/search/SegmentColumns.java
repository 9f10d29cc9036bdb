package org.eventregistry.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values of a segment's documents, read from the doc values once and kept in arrays as long as the segment lives (a
 * segment's documents never change; a write adds a segment). A search over many matches reads the recency and the
 * facets of each: from an array that is a load, from the doc values a decoding, sparse fields (a speaker has no event
 * type) after a search of their documents' list. At 250,000 records the columns take about 8 MB: recency and year 8
 * bytes a record each, the combinations of the single-valued facets 4, the lists of topics 4 and 2 a topic.
 */
final class SegmentColumns {

    private static final Map<IndexReader.CacheKey, SegmentColumns> OPEN = new ConcurrentHashMap<>();

    /** Most values a keyword field may have for its ordinals to be kept in the columns (as chars, one spare). */
    static final int MOST_VALUES = Character.MAX_VALUE;
    /** Most fields {@link #combinations} combines: each ordinal takes 16 bits of a long. */
    static final int MOST_COMBINED = 4;

    /**
     * The values of several keyword fields with at most one value per document, as one code per document: the
     * number of a distinct combination of the fields' ordinals. Counting the codes of a search's matches, then the
     * ordinals of each code counted, counts every field's values in one pass over the matches.
     *
     * @param codes     each document's code
     * @param ordinals  for each code, each field's ordinal (-1 for none)
     */
    record Combinations(int[] codes, int[][] ordinals) {
    }

    /**
     * The ordinals of a keyword field with several values per document: those of document {@code d} are
     * {@code ordinals[starts[d]]} up to {@code ordinals[starts[d + 1]]}.
     */
    record Lists(int[] starts, char[] ordinals) {
    }

    private final Map<String, Object> columns = new ConcurrentHashMap<>();

    /**
     * The columns of a segment; a reader without a core cache key (none here) gets columns of its own. A segment's
     * readers come and go (a refresh after a delete opens a new one on the same core), so each column is read from the
     * reader of the search that first asks for it, never from one kept here.
     */
    static SegmentColumns of(LeafReader reader) {
        IndexReader.CacheHelper core = reader.getCoreCacheHelper();
        if (core == null) {
            return new SegmentColumns();
        }
        SegmentColumns columns = OPEN.get(core.getKey());
        if (columns == null) {
            columns = new SegmentColumns();
            if (OPEN.putIfAbsent(core.getKey(), columns) == null) {
                core.addClosedListener(OPEN::remove);
            } else {
                columns = OPEN.get(core.getKey());
            }
        }
        return columns;
    }

    /** The documents of the segment a query matches ({@code query} names it, for instance by its text), read once. */
    FixedBitSet bits(String query, Supplier<FixedBitSet> read) {
        return (FixedBitSet) columns.computeIfAbsent("bits#" + query, k -> read.get());
    }

    /** Whether columns are kept for a segment's core: they go when the core closes. */
    static boolean kept(IndexReader.CacheKey core) {
        return OPEN.containsKey(core);
    }

    /** A numeric field's greatest value per document, {@code missing} for those without one. */
    long[] numbers(LeafReader reader, String field, long missing) {
        return (long[]) columns.computeIfAbsent(field + "#" + missing, k -> readNumbers(reader, field, missing));
    }

    /**
     * The combinations of {@code fields}' values (keyword fields with sorted-set doc values); null when one of them has
     * several values for a document of the segment or more than {@link #MOST_VALUES}, or there are more than
     * {@link #MOST_COMBINED} fields.
     */
    Combinations combinations(LeafReader reader, List<String> fields) {
        Object column = columns.computeIfAbsent(String.join(",", fields) + "#combined", k -> readCombinations(reader, fields));
        return column instanceof Combinations combinations ? combinations : null;
    }

    /** A keyword field's ordinals, several per document; null when it has more than {@link #MOST_VALUES} values. */
    Lists lists(LeafReader reader, String field) {
        Object column = columns.computeIfAbsent(field + "#lists", k -> readLists(reader, field));
        return column instanceof Lists lists ? lists : null;
    }

    private static long[] readNumbers(LeafReader reader, String field, long missing) {
        try {
            long[] values = new long[reader.maxDoc()];
            Arrays.fill(values, missing);
            SortedNumericDocValues dv = DocValues.getSortedNumeric(reader, field);
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                long greatest = Long.MIN_VALUE;
                for (int n = dv.docValueCount(); n > 0; n--) {
                    greatest = Math.max(greatest, dv.nextValue());
                }
                values[doc] = greatest;
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object readCombinations(LeafReader reader, List<String> fields) {
        try {
            if (fields.size() > MOST_COMBINED) {
                return Boolean.FALSE;
            }
            SortedDocValues[] singles = new SortedDocValues[fields.size()];
            for (int i = 0; i < singles.length; i++) {
                SortedSetDocValues set = DocValues.getSortedSet(reader, fields.get(i));
                singles[i] = DocValues.unwrapSingleton(set);
                if (singles[i] == null || set.getValueCount() > MOST_VALUES) {
                    return Boolean.FALSE;
                }
            }
            int[] codes = new int[reader.maxDoc()];
            Map<Long, Integer> seen = new HashMap<>();
            List<int[]> ordinals = new ArrayList<>();
            for (int doc = 0; doc < codes.length; doc++) {
                long key = 0;
                int[] ords = new int[singles.length];
                for (int i = 0; i < singles.length; i++) {
                    ords[i] = singles[i].advanceExact(doc) ? singles[i].ordValue() : -1;
                    key = key << 16 | (ords[i] + 1);
                }
                Integer code = seen.get(key);
                if (code == null) {
                    code = ordinals.size();
                    seen.put(key, code);
                    ordinals.add(ords);
                }
                codes[doc] = code;
            }
            return new Combinations(codes, ordinals.toArray(int[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object readLists(LeafReader reader, String field) {
        try {
            SortedSetDocValues set = DocValues.getSortedSet(reader, field);
            if (set.getValueCount() > MOST_VALUES) {
                return Boolean.FALSE;
            }
            int[] starts = new int[reader.maxDoc() + 1];
            char[] ordinals = new char[Math.max(16, reader.maxDoc())];
            int at = 0;
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                starts[doc] = at;
                if (set.advanceExact(doc)) {
                    for (int n = set.docValueCount(); n > 0; n--) {
                        if (at == ordinals.length) {
                            ordinals = Arrays.copyOf(ordinals, ordinals.length * 2);
                        }
                        ordinals[at++] = (char) set.nextOrd();
                    }
                }
            }
            starts[reader.maxDoc()] = at;
            return new Lists(starts, Arrays.copyOf(ordinals, at));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
