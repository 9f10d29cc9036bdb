package org.eventregistry.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.PriorityQueue;

import java.io.IOException;
import java.util.List;

/**
 * Keeps the best {@code size} matches of a search on the embedded index by score, then recency (latest first, records
 * without one last), then index order.
 *
 * <p>Once it holds {@code size} matches it tells the scorer the lowest score that can still make them (the worst
 * kept's: a match with an equal score may be more recent), and the scorer may skip documents that cannot reach it
 * (Lucene's block-max scoring). So it sees only some of the matches: {@link MatchSets} counts them all. A search
 * whose matches and scores are known beforehand ({@link MatchScores}) offers them all instead.
 */
final class RankedCollector implements Collector {

    /** A kept match; {@code doc} is the reader-wide document number. */
    record Hit(int doc, float score) {
    }

    private record Ranked(int doc, float score, long recency) {
    }

    private final int size;
    private final String recencyField;
    private final Queue queue;

    /**
     * @param size         how many of the best matches to keep (at least one)
     * @param recencyField the numeric doc values field that orders equal scores, latest first
     */
    RankedCollector(int size, String recencyField) {
        if (size < 1) {
            throw new IllegalArgumentException("size " + size);
        }
        this.size = size;
        this.recencyField = recencyField;
        this.queue = new Queue(size);
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

    /** Offers matches of a segment whose scores are known: {@code scores[i]} is the score of {@code docs[i]}. */
    void collect(LeafReaderContext context, int[] docs, float[] scores) throws IOException {
        Given given = new Given();
        Leaf into = new Leaf(context);
        into.setScorer(given);
        for (int i = 0; i < docs.length; i++) {
            given.doc = docs[i];
            given.score = scores[i];
            into.collect(docs[i]);
        }
    }

    /** A score known beforehand. */
    private static final class Given extends Scorable {
        int doc = -1;
        float score;

        @Override
        public float score() {
            return score;
        }

        @Override
        public int docID() {
            return doc;
        }
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
        return ScoreMode.TOP_SCORES;
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
        private Scorable scorer;
        /** The lowest score the scorer was last told can still make the page. */
        private float told = Float.NEGATIVE_INFINITY;

        Leaf(LeafReaderContext context) {
            docBase = context.docBase;
            recency = SegmentColumns.of(context.reader()).numbers(context.reader(), recencyField, Long.MIN_VALUE);
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            this.scorer = scorer;
            told = Float.NEGATIVE_INFINITY;
            competitive();
        }

        @Override
        public void collect(int doc) throws IOException {
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
            competitive();
        }

        /** Tells the scorer the worst kept score once the page is full: lower scores cannot make it, equal ones may. */
        private void competitive() throws IOException {
            if (queue.size() == size && queue.top().score() > told) {
                told = queue.top().score();
                scorer.setMinCompetitiveScore(told);
            }
        }
    }
}
