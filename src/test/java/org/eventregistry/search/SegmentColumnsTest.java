package org.eventregistry.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Columns of a segment outlive the reader that first asked for them, and go with the segment. */
class SegmentColumnsTest {

    @Test
    void columnsAreReadFromTheSearchsOwnReaderAndGoWithTheSegment() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             // No merges: the segment must stay the one the columns were read from.
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            writer.addDocument(doc("a", 30, "PANEL", "RS", "x", "y"));
            writer.addDocument(doc("b", 10, "LECTURE", "RS", "x"));
            writer.addDocument(doc("c", 20, null, "DE"));
            writer.commit();
            // Readers of the committed index (not the writer's own, which its pool keeps open).
            DirectoryReader first = DirectoryReader.open(directory);
            LeafReader one = first.leaves().get(0).reader();
            IndexReader.CacheKey core = one.getCoreCacheHelper().getKey();
            SegmentColumns columns = SegmentColumns.of(one);
            assertArrayEquals(new long[] {30, 10, 20}, columns.numbers(one, "recency", Long.MIN_VALUE));

            // A delete opens a new reader on the same segment and closes the first one.
            writer.deleteDocuments(new Term("id", "b"));
            writer.commit();
            DirectoryReader second = DirectoryReader.openIfChanged(first);
            first.close();
            assertEquals(0, one.getRefCount(), "the first reader of the segment is closed");
            LeafReader two = second.leaves().get(0).reader();
            assertSame(columns, SegmentColumns.of(two), "the segment's core is the same");
            SegmentColumns.Combinations both = columns.combinations(two, java.util.List.of("type", "country"));
            int[] codes = both.codes();
            // PANEL is the second type in index order, RS the second country; c has no type.
            assertArrayEquals(new int[] {1, 1}, both.ordinals()[codes[0]]);
            assertArrayEquals(new int[] {0, 1}, both.ordinals()[codes[1]]);
            assertArrayEquals(new int[] {-1, 0}, both.ordinals()[codes[2]]);
            assertEquals(3, both.ordinals().length, "three combinations");
            assertNull(columns.combinations(two, java.util.List.of("type", "topic")), "several topics per document: not combined");
            SegmentColumns.Lists topics = columns.lists(two, "topic");
            assertArrayEquals(new int[] {0, 2, 3, 3}, topics.starts());
            assertArrayEquals(new char[] {0, 1, 0}, topics.ordinals(), "x and y, x, none");
            assertTrue(SegmentColumns.kept(core));

            second.close();
            writer.close();
            assertFalse(SegmentColumns.kept(core), "columns go when the segment's core closes");
        }
    }

    private static Document doc(String id, long recency, String type, String country, String... topics) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new SortedNumericDocValuesField("recency", recency));
        if (type != null) {
            doc.add(new SortedSetDocValuesField("type", new BytesRef(type)));
        }
        doc.add(new SortedSetDocValuesField("country", new BytesRef(country)));
        for (String topic : topics) {
            doc.add(new SortedSetDocValuesField("topic", new BytesRef(topic)));
        }
        return doc;
    }
}
