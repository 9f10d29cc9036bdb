package org.eventregistry.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.search.spi.LuceneMigrationUtils;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A search of the embedded index, run on Lucene itself: the query is the one the mapping builds from the same predicate
 * (so it matches and scores exactly as a search through the mapping would), its matches counted by {@link MatchSets}
 * and {@link FacetCounts}, the best of them kept by {@link RankedCollector}, and the page's hits read from their stored
 * fields.
 *
 * <p>Through the mapping's own top hits and terms aggregations, a search made afresh cost half as much again (205
 * against 302 searches a second at 250,000 records; profiles in BENCHMARKS.md, fifth session), most of it in a search
 * for a common word over a large index. OpenSearch runs its own aggregations
 * where its index is, so a shared index keeps the mapping's query (see {@link SearchService#find}).
 */
final class EmbeddedSearch {

    /**
     * Where the mapping keeps each document's id: in binary doc values of this name (an internal of Hibernate Search's
     * Lucene backend; EmbeddedSearchTest compares every row with the mapping's own projection).
     */
    static final String ID = "__HSEARCH_id_docvalue";
    /** The stored fields of a record a page shows. */
    private static final Set<String> SHOWN = Set.of("kind", "slug", "title", "summary", "bodyStart", "card");
    private static final Set<String> SHOWN_WITHOUT_TEXTS = Set.of("kind", "slug", "title", "card");

    private EmbeddedSearch() {
    }

    /**
     * The matches of {@code predicate}: their number, the rows of {@code limit} of them from {@code offset} (with the
     * texts snippets are cut from when {@code texts}), and the counts of the {@code facets} named. The matches are found
     * as bit sets ({@link MatchSets}), their facet values counted ({@link FacetCounts}), their scores worked out a
     * clause at a time ({@link MatchScores}) and the best kept ({@link RankedCollector}).
     */
    static SearchService.Found find(SearchSession session, SearchPredicate predicate, SearchPredicate published, boolean texts,
                                    List<String> facets, int offset, int limit) {
        Query only = published == null ? null : LuceneMigrationUtils.toLuceneQuery(published);
        try (IndexReader reader = openReader(session)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query rewritten = searcher.rewrite(FuzzyWords.share(LuceneMigrationUtils.toLuceneQuery(predicate)));
            MatchSets sets = MatchSets.of(searcher, rewritten);
            MatchScores scores = MatchScores.of(searcher, rewritten);
            FacetCounts counts = new FacetCounts(facets);
            RankedCollector best = new RankedCollector(offset + limit, "recency");
            long total = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                FixedBitSet matching = sets.matching(leaf, published(searcher, leaf, only));
                int[] docs = MatchSets.docs(matching);
                total += docs.length;
                counts.count(leaf, docs);
                best.collect(leaf, docs, scores.scores(leaf, matching));
            }
            return new SearchService.Found(total, rows(reader, best.hits(), texts, offset), counts.top(facets));
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be read", e);
        }
    }

    /**
     * The rows (without texts) of the best {@code limit} matches of {@code predicate}, uncounted: scored by Lucene's own
     * scorers, which may skip matches that cannot make the list (suggestions).
     */
    static List<Object[]> best(SearchSession session, SearchPredicate predicate, SearchPredicate published, int limit) {
        Query only = published == null ? null : LuceneMigrationUtils.toLuceneQuery(published);
        try (IndexReader reader = openReader(session)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query rewritten = searcher.rewrite(FuzzyWords.share(LuceneMigrationUtils.toLuceneQuery(predicate)));
            RankedCollector collector = new RankedCollector(limit, "recency");
            Weight weight = searcher.createWeight(rewritten, collector.scoreMode(), 1f);
            for (LeafReaderContext leaf : reader.leaves()) {
                BulkScorer scorer = weight.bulkScorer(leaf);
                if (scorer != null) {
                    LeafCollector into = collector.getLeafCollector(leaf);
                    scorer.score(into, accepted(searcher, leaf, only), 0, DocIdSetIterator.NO_MORE_DOCS);
                    into.finish();
                }
            }
            return rows(reader, collector.hits(), false, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be read", e);
        }
    }

    private static IndexReader openReader(SearchSession session) {
        return session.scope(SearchDocument.class).extension(LuceneExtension.get()).openIndexReader();
    }

    /** The rows of the hits from {@code offset}. */
    private static List<Object[]> rows(IndexReader reader, List<RankedCollector.Hit> hits, boolean texts, int offset)
            throws IOException {
        List<Object[]> rows = new ArrayList<>();
        StoredFields stored = reader.storedFields();
        for (RankedCollector.Hit hit : hits.subList(Math.min(offset, hits.size()), hits.size())) {
            Document doc = stored.document(hit.doc(), texts ? SHOWN : SHOWN_WITHOUT_TEXTS);
            rows.add(new Object[] {id(reader, hit.doc()), doc.get("kind"), doc.get("slug"), doc.get("title"), hit.score(),
                    texts ? doc.get("summary") : null, texts ? doc.get("bodyStart") : null, doc.get("card")});
        }
        return rows;
    }

    /**
     * The documents of a segment a search may find: those not deleted and, when {@code only} is given, matching it.
     * What {@code only} matches in a segment is kept with the segment's columns.
     */
    private static Bits accepted(IndexSearcher searcher, LeafReaderContext leaf, Query only) throws IOException {
        Bits live = leaf.reader().getLiveDocs();
        if (only == null) {
            return live;
        }
        FixedBitSet accepted = published(searcher, leaf, only);
        return live == null ? accepted : new Bits() {
            @Override
            public boolean get(int index) {
                return accepted.get(index) && live.get(index);
            }

            @Override
            public int length() {
                return accepted.length();
            }
        };
    }

    /** The documents of a segment that {@code only} matches, deleted ones among them (null without {@code only}). */
    private static FixedBitSet published(IndexSearcher searcher, LeafReaderContext leaf, Query only) {
        return only == null ? null : SegmentColumns.of(leaf.reader()).bits(only.toString(), () -> matching(searcher, leaf, only));
    }

    private static FixedBitSet matching(IndexSearcher searcher, LeafReaderContext leaf, Query only) {
        try {
            FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
            Scorer scorer = searcher.createWeight(searcher.rewrite(only), ScoreMode.COMPLETE_NO_SCORES, 1f).scorer(leaf);
            if (scorer != null) {
                bits.or(scorer.iterator());
            }
            return bits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of a reader-wide document number. */
    private static String id(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues ids = DocValues.getBinary(leaf.reader(), ID);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("A search document has no id");
        }
        return ids.binaryValue().utf8ToString();
    }
}
