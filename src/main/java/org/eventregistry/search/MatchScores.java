package org.eventregistry.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The scores of a segment's matches, known beforehand ({@link MatchSets}), worked out a clause at a time: each term
 * (or other scoring leaf of the query) walks its postings once, adding its score to each match it finds, and a boolean
 * clause's score is the sum of its scoring clauses'.
 *
 * <p>The scores are Lucene's own, bit for bit: each leaf is scored by the weight Lucene would give it (its boosts
 * multiplied down the tree in the same order), and each boolean query combines its clauses' scores with the same
 * arithmetic as Lucene's boolean scorers (see {@link Bool}). Their double sums are exact whatever the order as long
 * as the floats summed are within a factor of about 2^29 of each other (a term in nearly every document scores about
 * a millionth of a rare one, 2^20), so
 * scoring clause by clause instead of document by document changes nothing; EmbeddedSearchTest and MatchScoresTest
 * compare them with Lucene's.
 *
 * <p>Scored a document at a time, a search for two common words walked a heap of fourteen fields' postings for each of
 * tens of thousands of matches, and could skip few of them: most scored alike (BENCHMARKS.md, sixth session).
 */
final class MatchScores {

    /** A part of the query that scores: its score for each match added into {@code sums}, by the match's rank. */
    private sealed interface Part permits Leaf, Bool {
        void addTo(double[] sums, LeafReaderContext leaf, Ranks ranks) throws IOException;
    }

    /** A query scored by its own scorer: a term, a phrase, a constant score. */
    private record Leaf(Weight weight) implements Part {
        @Override
        public void addTo(double[] sums, LeafReaderContext leaf, Ranks ranks) throws IOException {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                return;
            }
            DocIdSetIterator it = scorer.iterator();
            FixedBitSet matches = ranks.matches;
            int last = matches.length() - 1;
            int doc = it.nextDoc();
            while (doc <= last) {
                // Leapfrog: skip the postings of documents that are not matches.
                int match = matches.nextSetBit(doc);
                if (match == DocIdSetIterator.NO_MORE_DOCS) {
                    return;
                }
                if (match != doc) {
                    doc = it.advance(match);
                    continue;
                }
                sums[ranks.of(doc)] += scorer.score();
                doc = doc < last ? it.nextDoc() : DocIdSetIterator.NO_MORE_DOCS;
            }
        }
    }

    /**
     * A boolean query, scored as Lucene's boolean scorers do: the required clauses' scores summed in a double and
     * rounded to a float, the optional ones' the same way, and the two floats added (Lucene's required-optional
     * scorer adds them as floats; when an optional clause must match, its conjunction of the two sums them in a
     * double and rounds: for two floats the same). Rounding each side first is what Lucene does, and it can differ
     * in the last bit from one sum of all the clauses (MatchScoresTest has a query where it does).
     *
     * @param required the scoring required clauses (filters only match)
     * @param optional the optional clauses
     * @param filtered whether the query has required clauses, scoring or not
     */
    private record Bool(List<Part> required, List<Part> optional, boolean filtered) implements Part {
        @Override
        public void addTo(double[] sums, LeafReaderContext leaf, Ranks ranks) throws IOException {
            // One clause's float is its own sum.
            if (required.size() + optional.size() == 1) {
                (required.isEmpty() ? optional : required).get(0).addTo(sums, leaf, ranks);
                return;
            }
            double[] requiredSums = sum(required, sums.length, leaf, ranks);
            double[] optionalSums = sum(optional, sums.length, leaf, ranks);
            for (int i = 0; i < sums.length; i++) {
                float requiredScore = requiredSums == null ? 0f : (float) requiredSums[i];
                float optionalScore = optionalSums == null ? 0f : (float) optionalSums[i];
                sums[i] += filtered ? requiredScore + optionalScore : optionalScore;
            }
        }

        private static double[] sum(List<Part> parts, int size, LeafReaderContext leaf, Ranks ranks) throws IOException {
            if (parts.isEmpty()) {
                return null;
            }
            double[] sums = new double[size];
            for (Part part : parts) {
                part.addTo(sums, leaf, ranks);
            }
            return sums;
        }
    }

    /**
     * The rank of each match among a segment's matches: the index of its score. The scores of a segment's matches
     * take a double each, not one per document of the segment: a search over a large index would otherwise allocate
     * megabytes, and the collections they cost stretched the slowest searches (BENCHMARKS.md, sixth session).
     */
    private static final class Ranks {
        final FixedBitSet matches;
        private final long[] words;
        /** The number of matches before each word of the bit set. */
        private final int[] before;

        Ranks(FixedBitSet matches) {
            this.matches = matches;
            this.words = matches.getBits();
            int count = FixedBitSet.bits2words(matches.length());
            before = new int[count + 1];
            for (int i = 0; i < count; i++) {
                before[i + 1] = before[i] + Long.bitCount(words[i]);
            }
        }

        int size() {
            return before[before.length - 1];
        }

        int of(int doc) {
            int word = doc >> 6;
            return before[word] + Long.bitCount(words[word] & ((1L << doc) - 1));
        }
    }

    private final Part root;

    private MatchScores(Part root) {
        this.root = root;
    }

    /**
     * The score of each match of the segment, in the order of their documents; {@code matches} must hold only documents
     * the query matches (the scores of others mean nothing).
     */
    float[] scores(LeafReaderContext leaf, FixedBitSet matches) throws IOException {
        Ranks ranks = new Ranks(matches);
        double[] sums = new double[ranks.size()];
        if (sums.length > 0) {
            root.addTo(sums, leaf, ranks);
        }
        float[] scores = new float[sums.length];
        for (int i = 0; i < sums.length; i++) {
            scores[i] = (float) sums[i];
        }
        return scores;
    }

    /** The scores of {@code rewritten} (a query {@code searcher} has rewritten), as {@code searcher} would score it. */
    static MatchScores of(IndexSearcher searcher, Query rewritten) throws IOException {
        return new MatchScores(part(searcher, rewritten, 1f, true));
    }

    /**
     * The scoring part of a query under {@code boost}: boosts multiply down the tree as {@link BoostQuery} passes them
     * on; a boolean query without a minimum of optional clauses is scored by its clauses (see {@link Bool}), but only
     * where each of the search's matches matches it ({@code matchedByAll}: the root and its required clauses) or it is
     * a plain disjunction (whose clauses match only where it does): a clause adds its score to each match it matches,
     * which for a conjunction under an optional clause would count documents the conjunction does not match. Anything
     * else is a leaf, scored by its own scorer. (With a minimum of one optional clause, Lucene counts the optional
     * clauses of each segment and, where only one is there, sums it with the required ones: a leaf too.)
     */
    private static Part part(IndexSearcher searcher, Query query, float boost, boolean matchedByAll) throws IOException {
        if (query instanceof BoostQuery boosted) {
            return part(searcher, boosted.getQuery(), boosted.getBoost() * boost, matchedByAll);
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
                && (matchedByAll || bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD))) {
            List<Part> required = new ArrayList<>();
            List<Part> optional = new ArrayList<>();
            boolean filtered = false;
            for (BooleanClause clause : bool.clauses()) {
                switch (clause.getOccur()) {
                    case MUST -> {
                        required.add(part(searcher, clause.getQuery(), boost, matchedByAll));
                        filtered = true;
                    }
                    case FILTER -> filtered = true;
                    case SHOULD -> optional.add(part(searcher, clause.getQuery(), boost, false));
                    case MUST_NOT -> { }
                }
            }
            return new Bool(required, optional, filtered);
        }
        return new Leaf(searcher.createWeight(query, ScoreMode.COMPLETE, boost));
    }
}
