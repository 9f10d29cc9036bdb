package org.eventregistry.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns titles and names into URL-safe slugs and search keys: "Đorđević: Horizons" becomes "dordevic-horizons". */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NON_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Slugs() {
    }

    /** The slug of a text; empty when the text has no letters or digits. */
    public static String of(String text) {
        String folded = fold(text);
        String slug = NON_ALNUM.matcher(folded).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH - 8) {
            slug = trimDashes(slug.substring(0, MAX_LENGTH - 8));
        }
        return slug;
    }

    /** Lower case without diacritics, for case- and accent-insensitive matching keys. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // Letters that Unicode does not decompose into a base letter and a mark.
        String mapped = text.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
                .replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
                .replace("œ", "oe").replace("Œ", "OE").replace("ı", "i");
        String decomposed = Normalizer.normalize(mapped, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }

    /**
     * A key for case-, accent- and punctuation-insensitive filters (city, series, topic), so that
     * "Horizons Discussions" and "horizons-discussions" match; letters of every script are kept. Null for null.
     */
    public static String key(String text) {
        return text == null ? null : trimDashes(NON_LETTER_OR_DIGIT.matcher(fold(text)).replaceAll("-"));
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
