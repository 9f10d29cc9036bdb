package org.eventregistry.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The passage of a hit's text where the words searched for occur: the sentence of the first occurrence (cut to
 * {@link #LONGEST} characters around it), every occurrence in it wrapped in {@code <mark>}, everything else
 * HTML-escaped. The text is read with the analyser the field was indexed with ({@link Analysis#ENGLISH}), so a
 * snippet marks what the search matched: "conferences" for "conference", "Jovanović" for "jovanovic".
 *
 * <p>Made here rather than by the engine's highlighter, which analyses each hit's whole text into an index in memory
 * and runs the query over it again: a third of a search's time. This reads the text only up to its first
 * occurrence's sentence, and works the same on either engine.
 */
final class Snippets {

    /** Longest passage, in characters (a longer sentence is cut around the first occurrence). */
    static final int LONGEST = 240;
    /** Text read to find an occurrence: an occurrence further into a long body gives no snippet. */
    static final int READ = 10_000;

    private final Set<String> terms;

    /** The words and phrases of a query, read as the index read them. */
    Snippets(Collection<String> words) {
        Set<String> found = new HashSet<>();
        for (String word : words) {
            for (Occurrence o : occurrences(word, Set.of(), Integer.MAX_VALUE, true)) {
                found.add(o.term());
            }
        }
        this.terms = Set.copyOf(found);
    }

    /** The snippet of the first of these texts that holds a word searched for; null when none does. */
    String of(String... texts) {
        if (terms.isEmpty()) {
            return null;
        }
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            String snippet = passage(text);
            if (snippet != null) {
                return snippet;
            }
        }
        return null;
    }

    /** The first {@link #READ} characters of a text, which a snippet is cut from (the index keeps just these). */
    static String beginning(String text) {
        return text == null || text.length() <= READ ? text : text.substring(0, boundary(text, READ));
    }

    /** {@code at}, or one before it when a cut there would split a surrogate pair. */
    private static int boundary(String text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))
                && Character.isHighSurrogate(text.charAt(at - 1)) ? at - 1 : at;
    }

    private String passage(String text) {
        String read = beginning(text);
        List<Occurrence> first = occurrences(read, terms, 1, false);
        if (first.isEmpty()) {
            return null;
        }
        int at = first.get(0).start();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(read);
        int start = sentences.isBoundary(at) ? at : sentences.preceding(at);
        int end = sentences.following(at);
        if (end == BreakIterator.DONE) {
            end = read.length();
        }
        boolean cutBefore = false;
        // A sentence that runs past what was read is cut there.
        boolean cutAfter = end == read.length() && read.length() < text.length();
        if (end - start > LONGEST) {
            // A third of the passage before the occurrence, the rest after, cut between words.
            int from = Math.max(start, at - LONGEST / 3);
            if (from > start) {
                from = wordStart(read, from, at);
                cutBefore = from > start;
                start = from;
            }
            if (end - start > LONGEST) {
                end = wordEnd(read, start + LONGEST, first.get(0).end());
                cutAfter = true;
            }
        }
        String passage = read.substring(start, end);
        StringBuilder out = new StringBuilder(passage.length() + 32);
        if (cutBefore) {
            out.append('…');
        }
        int written = 0;
        for (Occurrence o : occurrences(passage, terms, Integer.MAX_VALUE, false)) {
            escape(passage, written, o.start(), out);
            out.append("<mark>");
            escape(passage, o.start(), o.end(), out);
            out.append("</mark>");
            written = o.end();
        }
        escape(passage, written, passage.length(), out);
        String snippet = out.toString().strip();
        return cutAfter ? snippet + "…" : snippet;
    }

    /** Where a word begins at or after {@code from} (not beyond {@code limit}). */
    private static int wordStart(String text, int from, int limit) {
        int i = from;
        while (i < limit && !Character.isWhitespace(text.charAt(i - 1))) {
            i++;
        }
        return i;
    }

    /**
     * Where the word around {@code to} ends, looking back for a space, but not before {@code limit} (the end of the
     * first occurrence, which the passage keeps): without a space there, the cut falls at {@code to} (between two
     * characters, never inside a surrogate pair).
     */
    private static int wordEnd(String text, int to, int limit) {
        int i = to;
        while (i > limit && !Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i > limit) {
            return i;
        }
        return boundary(text, Math.max(to, limit));
    }

    private record Occurrence(String term, int start, int end) {
    }

    /** The tokens of {@code text} whose terms are among {@code wanted} (all tokens with {@code every}), at most {@code max}. */
    private static List<Occurrence> occurrences(String text, Set<String> wanted, int max, boolean every) {
        List<Occurrence> found = new ArrayList<>();
        Analyzer analyzer = Analysis.english();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (found.size() < max && tokens.incrementToken()) {
                String t = term.toString();
                if (every || wanted.contains(t)) {
                    found.add(new Occurrence(t, offset.startOffset(), offset.endOffset()));
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
