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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Single values of a segment's documents, read from the doc values once and kept in arrays as long as the segment
 * lives (a segment's documents never change; a write adds a segment). A search over many matches reads the recency and
 * the facets of each: from an array that is a load, from the doc values a decoding, sparse fields (a speaker has no
 * event type) after a search of their documents' list. At 250,000 records the columns take about 6 MB (recency and
 * year 8 bytes a record each, a facet 2).
 */
final class SegmentColumns {

    private static final Map<IndexReader.CacheKey, SegmentColumns> OPEN = new ConcurrentHashMap<>();

    /** The ordinal of a keyword field's value per document (-1 without one). */
    interface Ordinals {
        int get(int doc);
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
     * A keyword field's ordinals (see {@link DocValues#getSortedSet}); null when a document of the segment has several
     * values, or the field more than 32,767.
     */
    Ordinals ordinals(LeafReader reader, String field) {
        Object column = columns.computeIfAbsent(field + "#ords", k -> readOrdinals(reader, field));
        return column instanceof Ordinals ordinals ? ordinals : null;
    }

    private static long[] readNumbers(LeafReader reader, String field, long missing) {
        try {
            long[] values = new long[reader.maxDoc()];
            java.util.Arrays.fill(values, missing);
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

    private static Object readOrdinals(LeafReader reader, String field) {
        try {
            SortedSetDocValues set = DocValues.getSortedSet(reader, field);
            SortedDocValues single = DocValues.unwrapSingleton(set);
            // A facet with several values per document, or with more values than a short holds (a facet of kinds,
            // types or countries has a few hundred at most), is counted from its doc values instead.
            if (single == null || set.getValueCount() > Short.MAX_VALUE) {
                return Boolean.FALSE;
            }
            short[] ords = new short[reader.maxDoc()];
            java.util.Arrays.fill(ords, (short) -1);
            for (int doc = single.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = single.nextDoc()) {
                ords[doc] = (short) single.ordValue();
            }
            return (Ordinals) doc -> ords[doc];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
