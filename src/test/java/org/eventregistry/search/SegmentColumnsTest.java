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
            writer.addDocument(doc("a", 30, "PANEL", "x", "y"));
            writer.addDocument(doc("b", 10, "LECTURE", "x"));
            writer.addDocument(doc("c", 20, null));
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
            SegmentColumns.Ordinals types = columns.ordinals(two, "type");
            assertEquals(1, types.get(0), "PANEL is the second value in index order");
            assertEquals(0, types.get(1));
            assertEquals(-1, types.get(2), "no value");
            assertNull(columns.ordinals(two, "topic"), "several values per document: no column");
            assertTrue(SegmentColumns.kept(core));

            second.close();
            writer.close();
            assertFalse(SegmentColumns.kept(core), "columns go when the segment's core closes");
        }
    }

    private static Document doc(String id, long recency, String type, String... topics) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new SortedNumericDocValuesField("recency", recency));
        if (type != null) {
            doc.add(new SortedSetDocValuesField("type", new BytesRef(type)));
        }
        for (String topic : topics) {
            doc.add(new SortedSetDocValuesField("topic", new BytesRef(topic)));
        }
        return doc;
    }
}
