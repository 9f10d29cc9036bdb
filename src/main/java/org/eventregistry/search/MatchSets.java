package org.eventregistry.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which documents of a segment a query matches, as a bit set, worked out clause by clause: each term's (or other
 * leaf's) documents are set in a bit set straight from its postings, and the boolean clauses combine those sets with
 * or, and and and-not, a machine word at a time.
 *
 * <p>A search counts all its matches and their facet values but shows a page of them. Matching them one document at a
 * time, as a scorer does, walks a heap of the fields' postings for every match of every word (a search for two common
 * words spent a quarter of its time there; BENCHMARKS.md, fifth session); the sets do the same work in bulk, and leave
 * the scoring to a pass that may skip what cannot make the page (see {@link RankedCollector}). The query must be
 * rewritten first ({@link IndexSearcher#rewrite}), so that what it matches is settled (a fuzzy word's terms chosen).
 */
final class MatchSets {

    /** A part of the query: the documents of a segment it matches. */
    private sealed interface Node permits Leaf, Any, All {
        /** Sets the bits of the documents this part matches in {@code into} (already sized for the segment). */
        void orInto(FixedBitSet into, LeafReaderContext leaf) throws IOException;

        default FixedBitSet of(LeafReaderContext leaf) throws IOException {
            FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
            orInto(bits, leaf);
            return bits;
        }
    }

    /** A query matched by its own scorer, without scores. */
    private record Leaf(Weight weight) implements Node {
        @Override
        public void orInto(FixedBitSet into, LeafReaderContext leaf) throws IOException {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                into.or(scorer.iterator());
            }
        }
    }

    /** Documents matching at least one part (none when there are no parts). */
    private record Any(List<Node> parts) implements Node {
        @Override
        public void orInto(FixedBitSet into, LeafReaderContext leaf) throws IOException {
            for (Node part : parts) {
                part.orInto(into, leaf);
            }
        }
    }

    /** Documents matching every part of {@code required} (at least one) and none of {@code excluded}. */
    private record All(List<Node> required, List<Node> excluded) implements Node {
        @Override
        public void orInto(FixedBitSet into, LeafReaderContext leaf) throws IOException {
            FixedBitSet bits = required.get(0).of(leaf);
            // Once nothing is left, the other parts need not be read.
            for (int i = 1; i < required.size() && !empty(bits); i++) {
                bits.and(required.get(i).of(leaf));
            }
            for (Node part : excluded) {
                bits.andNot(part.of(leaf));
            }
            into.or(bits);
        }
    }

    private static boolean empty(FixedBitSet bits) {
        return bits.length() == 0 || bits.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS;
    }

    private final Node root;

    private MatchSets(Node root) {
        this.root = root;
    }

    /** The sets of {@code rewritten} (a query {@code searcher} has rewritten). */
    static MatchSets of(IndexSearcher searcher, Query rewritten) throws IOException {
        return new MatchSets(node(searcher, rewritten));
    }

    /**
     * The documents of {@code leaf} the query matches that {@code accepted} accepts (all when null), its live
     * documents among them.
     */
    FixedBitSet matching(LeafReaderContext leaf, Bits accepted) throws IOException {
        FixedBitSet bits = root.of(leaf);
        keep(bits, accepted);
        keep(bits, leaf.reader().getLiveDocs());
        return bits;
    }

    /** The documents set in {@code bits}, in increasing order. */
    static int[] docs(FixedBitSet bits) {
        int[] docs = new int[bits.cardinality()];
        long[] words = bits.getBits();
        for (int w = 0, n = 0; n < docs.length; w++) {
            for (long word = words[w]; word != 0; word &= word - 1) {
                docs[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
            }
        }
        return docs;
    }

    private static void keep(FixedBitSet bits, Bits accepted) {
        if (accepted == null || bits.length() == 0) {
            return;
        }
        if (accepted instanceof FixedBitSet set) {
            bits.and(set);
            return;
        }
        for (int doc = bits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
             doc = doc + 1 < bits.length() ? bits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            if (!accepted.get(doc)) {
                bits.clear(doc);
            }
        }
    }

    private static Node node(IndexSearcher searcher, Query query) throws IOException {
        if (query instanceof BoostQuery boosted) {
            return node(searcher, boosted.getQuery());
        }
        if (query instanceof ConstantScoreQuery constant) {
            return node(searcher, constant.getQuery());
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() <= 1) {
            List<Node> required = new ArrayList<>();
            List<Node> optional = new ArrayList<>();
            List<Node> excluded = new ArrayList<>();
            for (BooleanClause clause : bool.clauses()) {
                Node part = node(searcher, clause.getQuery());
                switch (clause.getOccur()) {
                    case MUST, FILTER -> required.add(part);
                    case SHOULD -> optional.add(part);
                    case MUST_NOT -> excluded.add(part);
                }
            }
            // Beside required clauses, optional ones only score, unless one of them must match.
            if (!optional.isEmpty() && (required.isEmpty() || bool.getMinimumNumberShouldMatch() == 1)) {
                required.add(new Any(optional));
            }
            return required.isEmpty() ? new Any(List.of()) : new All(required, excluded);
        }
        return new Leaf(searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f));
    }
}
