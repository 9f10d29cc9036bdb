package org.eventregistry.search;

import org.eventregistry.platform.http.QueryValues;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a visitor typed, read as text: words, and phrases in double quotes that keep their word order. Nothing
 * of the engine's own query language gets through (no fields, wildcards, boosts or operators): every character
 * that is not part of a word separates words.
 */
record QueryText(List<String> words, List<String> phrases) {

    /** Longest query accepted, in characters (a 400 problem beyond). */
    static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 12;
    static final int MAX_PHRASES = 4;
    /**
     * Most clauses a search's query holds once rewritten, with room: per word the exact fields, the prefix fields and
     * 50 terms in each fuzzy field (SearchService), per phrase a clause per field, and the boolean queries holding
     * them. 12 words come to about 1,900 leaves, past Lucene's default limit of 1,024 (SearchEngine raises it).
     */
    static final int MOST_CLAUSES = 4096;

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*(?:['’.][\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*)*");

    static QueryText parse(String q) {
        if (q == null) {
            return new QueryText(List.of(), List.of());
        }
        if (q.length() > MAX_LENGTH) {
            throw QueryValues.bad("q", "must be at most " + MAX_LENGTH + " characters");
        }
        List<String> phrases = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = PHRASE.matcher(q);
        int last = 0;
        while (m.find()) {
            rest.append(q, last, m.start()).append(' ');
            List<String> words = words(m.group(1));
            if (words.size() == 1) {
                rest.append(words.get(0)).append(' ');
            } else if (words.size() > 1 && phrases.size() < MAX_PHRASES) {
                phrases.add(String.join(" ", words));
            }
            last = m.end();
        }
        // An unbalanced quote is just a character.
        rest.append(q.substring(last));
        List<String> words = words(rest.toString());
        return new QueryText(words.size() > MAX_WORDS ? words.subList(0, MAX_WORDS) : words, List.copyOf(phrases));
    }

    /** The words, then the words of the phrases. */
    List<String> allWords() {
        List<String> all = new ArrayList<>(words);
        phrases.forEach(p -> all.addAll(List.of(p.split(" "))));
        return all;
    }

    boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
