package org.eventregistry.search;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The words of one search matched with typos share their Levenshtein automata across fields.
 *
 * <p>A word forgiven its typos is looked for in three fields, and Lucene's fuzzy query builds the word's automata for
 * each (it shares them only between the segments of one field): half the time of a search with typos went there
 * (BENCHMARKS.md, fifth and sixth sessions). {@link #share} puts in place of each fuzzy query one that takes its
 * automata from the search's own table, built once per word, and finds the same terms with the same boosts: each
 * term the largest automaton accepts, boosted by how few edits it is from the word (one for the word itself, else
 * one less the edits over the shorter length), as Lucene's fuzzy terms enumeration does. Rewritten by the fuzzy
 * query's own method, it becomes the same query.
 */
final class FuzzyWords {

    private record Key(String text, int maxEdits, int prefixLength, boolean transpositions) {
    }

    /** A word's automata by edits (the one for 0 edits unused: the word itself is compared), and its length. */
    private record Automata(CompiledAutomaton[] byEdits, int length) {
    }

    private final Map<Key, Automata> built = new HashMap<>();

    private FuzzyWords() {
    }

    /** {@code query} with its fuzzy queries sharing their automata (the query itself when it has none). */
    static Query share(Query query) {
        return new FuzzyWords().replace(query);
    }

    private Query replace(Query query) {
        if (query instanceof FuzzyQuery fuzzy && fuzzy.getMaxEdits() > 0
                && fuzzy.getPrefixLength() < fuzzy.getTerm().text().length()) {
            return new Shared(fuzzy, this);
        }
        if (query instanceof BoostQuery boosted) {
            Query inner = replace(boosted.getQuery());
            return inner == boosted.getQuery() ? query : new BoostQuery(inner, boosted.getBoost());
        }
        if (query instanceof ConstantScoreQuery constant) {
            Query inner = replace(constant.getQuery());
            return inner == constant.getQuery() ? query : new ConstantScoreQuery(inner);
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder copy = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (BooleanClause clause : bool.clauses()) {
                Query inner = replace(clause.getQuery());
                changed |= inner != clause.getQuery();
                copy.add(inner, clause.getOccur());
            }
            return changed ? copy.build() : query;
        }
        return query;
    }

    private Automata automata(Key key) {
        return built.computeIfAbsent(key, k -> {
            CompiledAutomaton[] byEdits = new CompiledAutomaton[k.maxEdits() + 1];
            for (int edits = 1; edits <= k.maxEdits(); edits++) {
                byEdits[edits] = FuzzyQuery.getFuzzyAutomaton(k.text(), edits, k.prefixLength(), k.transpositions());
            }
            return new Automata(byEdits, k.text().codePointCount(0, k.text().length()));
        });
    }

    /** A fuzzy query whose automata come from its search's table. */
    static final class Shared extends MultiTermQuery {
        private final FuzzyQuery fuzzy;
        private final FuzzyWords words;

        Shared(FuzzyQuery fuzzy, FuzzyWords words) {
            super(fuzzy.getField(), fuzzy.getRewriteMethod());
            this.fuzzy = fuzzy;
            this.words = words;
        }

        private Automata automata() {
            return words.automata(new Key(fuzzy.getTerm().text(), fuzzy.getMaxEdits(), fuzzy.getPrefixLength(),
                    fuzzy.getTranspositions()));
        }

        @Override
        protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
            Automata automata = automata();
            int maxEdits = fuzzy.getMaxEdits();
            return new Edits(terms.intersect(automata.byEdits()[maxEdits], null), fuzzy.getTerm().bytes(), automata, maxEdits);
        }

        @Override
        public void visit(QueryVisitor visitor) {
            if (visitor.acceptField(field)) {
                visitor.consumeTermsMatching(this, field, () -> automata().byEdits()[fuzzy.getMaxEdits()].runAutomaton);
            }
        }

        @Override
        public String toString(String field) {
            return fuzzy.toString(field);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Shared shared && shared.fuzzy.equals(fuzzy);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Shared.class, fuzzy);
        }
    }

    /** The terms within the most edits, each boosted by its own edits from the word. */
    private static final class Edits extends FilteredTermsEnum {
        private final BytesRef word;
        private final Automata automata;
        private final int maxEdits;
        private final BoostAttribute boost;

        Edits(TermsEnum within, BytesRef word, Automata automata, int maxEdits) {
            super(within, false);
            this.word = word;
            this.automata = automata;
            this.maxEdits = maxEdits;
            this.boost = attributes().addAttribute(BoostAttribute.class);
        }

        @Override
        protected AcceptStatus accept(BytesRef term) {
            int edits = maxEdits;
            while (edits > 0 && within(term, edits - 1)) {
                edits--;
            }
            if (edits == 0) {
                boost.setBoost(1f);
            } else {
                int shorter = Math.min(UnicodeUtil.codePointCount(term), automata.length());
                boost.setBoost(1f - (float) edits / (float) shorter);
            }
            return AcceptStatus.YES;
        }

        private boolean within(BytesRef term, int edits) {
            return edits == 0 ? term.equals(word)
                    : automata.byEdits()[edits].runAutomaton.run(term.bytes, term.offset, term.length);
        }
    }
}
