package org.eventregistry.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded search's own matching, scoring and ranking ({@link MatchSets}, {@link MatchScores},
 * {@link RankedCollector}, {@link FuzzyWords}) against Lucene's: on an index of several segments with deleted
 * documents, for queries of every shape the search builds and some it does not, the same matches, the same scores to
 * the bit, and the same order (score, then recency latest first, then index order) as Lucene's own search sorted that
 * way. Few words and short texts make many equal scores, so the order of ties is tested too.
 */
class MatchScoresTest {

    private static final String[] WORDS = {"energy", "security", "dialogue", "europe", "balkans", "strategy", "order",
            "global", "summit", "belgrade", "china", "markets", "reform", "neutrality", "policy"};
    /** Sorted as the search ranks: score, then recency (latest first, none last), then index order. */
    private static final Sort RANKED = new Sort(SortField.FIELD_SCORE, recency(), SortField.FIELD_DOC);

    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        Random random = new Random(42);
        // Three segments, some documents deleted from each: large enough for postings of several blocks (128 each).
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                .setMergePolicy(NoMergePolicy.INSTANCE))) {
            int id = 0;
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 2_000; i++, id++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", "d" + id, Field.Store.NO));
                    // "rarity" is in the first segment only: a clause that matches nothing in the others.
                    String extra = segment == 0 && random.nextInt(8) == 0 ? " rarity" : "";
                    doc.add(new TextField("title", words(random, 1 + random.nextInt(4)) + extra, Field.Store.NO));
                    if (random.nextInt(3) > 0) {
                        doc.add(new TextField("body", words(random, 3 + random.nextInt(20)), Field.Store.NO));
                    }
                    doc.add(new StringField("published", random.nextInt(5) > 0 ? "true" : "false", Field.Store.NO));
                    doc.add(new StringField("kind", random.nextBoolean() ? "event" : "publication", Field.Store.NO));
                    if (random.nextInt(10) > 0) {
                        // Few distinct values: equal scores often have equal recency too.
                        doc.add(new SortedNumericDocValuesField("recency", random.nextInt(40)));
                    }
                    writer.addDocument(doc);
                }
                for (int i = 0; i < 150; i++) {
                    writer.deleteDocuments(new Term("id", "d" + (segment * 2_000 + random.nextInt(2_000))));
                }
                writer.commit();
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        assertEquals(3, reader.leaves().size());
        assertTrue(reader.numDeletedDocs() > 300, "deleted documents: " + reader.numDeletedDocs());
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** Queries named by what they are. */
    private static Map<String, Query> queries() {
        Map<String, Query> queries = new LinkedHashMap<>();
        queries.put("one term", term("title", "energy"));
        queries.put("a word in two fields, boosted", any(boost(term("title", "security"), 6f), boost(term("body", "security"), 1f)));
        queries.put("two words, each in two fields, with a filter and an exclusion", new BooleanQuery.Builder()
                .add(any(boost(term("title", "energy"), 6f), term("body", "energy")), Occur.MUST)
                .add(any(boost(term("title", "policy"), 6f), term("body", "policy")), Occur.MUST)
                .add(term("kind", "event"), Occur.FILTER)
                .add(term("title", "china"), Occur.MUST_NOT)
                .build());
        queries.put("a required word and optional ones", requiredAndOptional(2.5f, 0));
        queries.put("one of the optional ones required", requiredAndOptional(1f, 1));
        queries.put("two of three", new BooleanQuery.Builder()
                .add(term("body", "order"), Occur.SHOULD)
                .add(term("body", "global"), Occur.SHOULD)
                .add(term("title", "summit"), Occur.SHOULD)
                .setMinimumNumberShouldMatch(2)
                .build());
        queries.put("a phrase", new BooleanQuery.Builder()
                .add(new PhraseQuery("body", "global", "order"), Occur.MUST)
                .add(boost(term("title", "global"), 3f), Occur.SHOULD)
                .build());
        queries.put("a word with typos in two fields (shared automata)", new BooleanQuery.Builder()
                .add(any(boost(new FuzzyQuery(new Term("title", "strategie"), 2, 1), 1.2f),
                        boost(new FuzzyQuery(new Term("body", "strategie"), 2, 1), 0.4f)), Occur.MUST)
                .add(any(new FuzzyQuery(new Term("title", "belgrad"), 1, 1), new FuzzyQuery(new Term("body", "belgrad"), 1, 1)),
                        Occur.SHOULD)
                .build());
        queries.put("a constant score and a nested boost", any(new ConstantScoreQuery(term("title", "markets")),
                boost(any(boost(term("title", "neutrality"), 2f), term("body", "neutrality")), 1.5f)));
        queries.put("nothing", term("title", "absent"));
        // Shapes the search does not build today, which the clause-by-clause scoring must still get right or leave
        // to Lucene's scorers.
        queries.put("a conjunction as an optional clause", any(term("title", "energy"),
                new BooleanQuery.Builder().add(term("body", "security"), Occur.MUST).add(term("body", "policy"), Occur.MUST).build()));
        queries.put("an exclusion inside an optional clause", any(term("title", "energy"),
                new BooleanQuery.Builder().add(term("body", "security"), Occur.SHOULD).add(term("title", "dialogue"), Occur.MUST_NOT).build()));
        queries.put("a filtered optional clause", any(term("title", "energy"),
                new BooleanQuery.Builder().add(term("kind", "event"), Occur.FILTER).add(term("body", "order"), Occur.SHOULD).build()));
        queries.put("two required and one of two optional, one of them in one segment only", new BooleanQuery.Builder()
                .add(term("body", "energy"), Occur.MUST)
                .add(boost(term("title", "security"), 3f), Occur.MUST)
                .add(term("title", "rarity"), Occur.SHOULD)
                .add(term("body", "europe"), Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build());
        queries.put("filters only", new BooleanQuery.Builder().add(term("kind", "event"), Occur.FILTER)
                .add(term("body", "reform"), Occur.FILTER).build());
        queries.put("everything", new org.apache.lucene.search.MatchAllDocsQuery());
        return queries;
    }

    @Test
    void matchesScoresAndRanksAsLucene() throws IOException {
        Query published = term("published", "true");
        for (Map.Entry<String, Query> named : queries().entrySet()) {
            for (boolean onlyPublished : new boolean[] {false, true}) {
                for (int size : new int[] {1, 10, 300, 7_000}) {
                    Query query = named.getValue();
                    Query expectedQuery = onlyPublished
                            ? new BooleanQuery.Builder().add(query, Occur.MUST).add(published, Occur.FILTER).build() : query;
                    TopFieldDocs expected = searcher.search(expectedQuery, size, RANKED, true);
                    String what = named.getKey() + (onlyPublished ? ", published only" : "") + ", best " + size;

                    Query rewritten = searcher.rewrite(FuzzyWords.share(query));
                    MatchSets sets = MatchSets.of(searcher, rewritten);
                    MatchScores scores = MatchScores.of(searcher, rewritten);
                    MatchSets onlySets = MatchSets.of(searcher, searcher.rewrite(published));
                    RankedCollector best = new RankedCollector(size, "recency");
                    long total = 0;
                    for (LeafReaderContext leaf : reader.leaves()) {
                        FixedBitSet accepted = onlyPublished ? onlySets.matching(leaf, null) : null;
                        FixedBitSet matching = sets.matching(leaf, accepted);
                        total += matching.cardinality();
                        best.collect(leaf, MatchSets.docs(matching), scores.scores(leaf, matching));
                    }
                    assertEquals(searcher.count(expectedQuery), total, what + ": matches");
                    assertEquals(ranked(expected.scoreDocs), hits(best.hits()), what + ": one pass over the known matches");

                    // Lucene's scorers, skipping what cannot make the best (the suggestions' way).
                    RankedCollector skipping = new RankedCollector(size, "recency");
                    searcher.search(expectedQuery, skipping);
                    assertEquals(ranked(expected.scoreDocs), hits(skipping.hits()), what + ": Lucene's scorers, skipping");
                }
            }
        }
    }

    /**
     * A fuzzy word shared across fields rewrites to the very query Lucene's own fuzzy queries rewrite to, with the cut
     * to the 50 best terms and ties among them, on an index of more than 50 terms within reach of the word.
     */
    @Test
    void sharedFuzzyWordsRewriteAsLucenesOwn() throws IOException {
        try (ByteBuffersDirectory near = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(near, new IndexWriterConfig(new StandardAnalyzer()))) {
                // "kovacevic" with each letter after the first replaced, and one added: over 200 terms 1 or 2 edits away.
                String word = "kovacevic";
                for (int at = 1; at < word.length(); at++) {
                    for (char c = 'a'; c <= 'z'; c++) {
                        Document doc = new Document();
                        String variant = word.substring(0, at) + c + word.substring(at + 1);
                        doc.add(new TextField("title", variant + " " + variant + "h", Field.Store.NO));
                        doc.add(new TextField("body", variant + "a", Field.Store.NO));
                        writer.addDocument(doc);
                    }
                }
            }
            try (DirectoryReader nearReader = DirectoryReader.open(near)) {
                IndexSearcher nearSearcher = new IndexSearcher(nearReader);
                for (String typed : new String[] {"kovacevic", "kovacevix", "kowacevich"}) {
                    Query query = any(boost(new FuzzyQuery(new Term("title", typed), 2, 1), 1.2f),
                            boost(new FuzzyQuery(new Term("body", typed), 2, 1), 0.4f),
                            new FuzzyQuery(new Term("title", typed), 1, 1));
                    Query shared = FuzzyWords.share(query);
                    assertTrue(shared.toString().equals(query.toString()) && !shared.equals(query),
                            "the fuzzy queries are replaced, and print the same: " + shared);
                    Query lucenes = nearSearcher.rewrite(query);
                    assertEquals(lucenes, nearSearcher.rewrite(shared), typed);
                    assertTrue(lucenes.toString().split("title:").length > 50, "the cut to 50 terms is reached: " + lucenes);
                }
            }
        }
    }

    @Test
    void theTestSeesTiesAndAManyBlockSearch() throws IOException {
        TopFieldDocs all = searcher.search(queries().get("one term"), 10_000, RANKED, true);
        assertTrue(all.scoreDocs.length > 500, "matches of one word: " + all.scoreDocs.length);
        int tiesOnScoreAndRecency = 0;
        for (int i = 1; i < all.scoreDocs.length; i++) {
            FieldDoc a = (FieldDoc) all.scoreDocs[i - 1];
            FieldDoc b = (FieldDoc) all.scoreDocs[i];
            if (a.fields[0].equals(b.fields[0]) && a.fields[1].equals(b.fields[1])) {
                tiesOnScoreAndRecency++;
            }
        }
        assertTrue(tiesOnScoreAndRecency > 100, "ties on score and recency: " + tiesOnScoreAndRecency);
    }

    private static List<String> ranked(ScoreDoc[] docs) {
        List<String> rows = new ArrayList<>();
        for (ScoreDoc doc : docs) {
            rows.add(doc.doc + ":" + doc.score);
        }
        return rows;
    }

    private static List<String> hits(List<RankedCollector.Hit> hits) {
        return hits.stream().map(h -> h.doc() + ":" + h.score()).toList();
    }

    private static SortField recency() {
        SortField recency = new SortedNumericSortField("recency", SortField.Type.LONG, true);
        recency.setMissingValue(Long.MIN_VALUE);
        return recency;
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            // Skewed: the first words are common, the last rare.
            int w = (int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * 5);
            text.append(i == 0 ? "" : " ").append(random.nextInt(50) == 0 ? "strategies" : WORDS[w]);
        }
        return text.toString();
    }

    /** "reform" required, "europe" and "balkans" (boosted) optional, {@code minimum} of them required. */
    private static Query requiredAndOptional(float balkans, int minimum) {
        return new BooleanQuery.Builder()
                .add(term("body", "reform"), Occur.MUST)
                .add(term("title", "europe"), Occur.SHOULD)
                .add(boost(term("title", "balkans"), balkans), Occur.SHOULD)
                .setMinimumNumberShouldMatch(minimum)
                .build();
    }

    private static Query term(String field, String text) {
        return new TermQuery(new Term(field, text));
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    private static Query any(Query... queries) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query q : queries) {
            any.add(q, Occur.SHOULD);
        }
        return any.build();
    }
}
