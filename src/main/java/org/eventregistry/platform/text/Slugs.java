package org.eventregistry.platform.text;

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

    /**
     * Cyrillic letters in their Latin spelling (Serbian first, then Russian and the other common ones), so that
     * "Јовановић", "Jovanović" and "jovanovic" fold to the same key and a Cyrillic title gets a readable slug.
     */
    private static final java.util.Map<Character, String> CYRILLIC = cyrillic();

    private static java.util.Map<Character, String> cyrillic() {
        String[] pairs = {"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "ђ", "d", "е", "e", "ж", "z", "з", "z", "и", "i",
                "ј", "j", "к", "k", "л", "l", "љ", "lj", "м", "m", "н", "n", "њ", "nj", "о", "o", "п", "p", "р", "r", "с", "s",
                "т", "t", "ћ", "c", "у", "u", "ф", "f", "х", "h", "ц", "c", "ч", "c", "џ", "dz", "ш", "s", "щ", "sc", "ъ", "",
                "ы", "y", "ь", "", "э", "e", "ю", "ju", "я", "ja", "ё", "e", "й", "j", "є", "je", "і", "i", "ї", "ji", "ґ", "g",
                "ѓ", "g", "ќ", "k", "ѕ", "dz", "ў", "u"};
        java.util.Map<Character, String> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            char lower = pairs[i].charAt(0);
            map.put(lower, pairs[i + 1]);
            map.put(Character.toUpperCase(lower), pairs[i + 1]);
        }
        return java.util.Map.copyOf(map);
    }

    /** Lower case without diacritics and in Latin letters, for case-, accent- and script-insensitive matching keys. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder latin = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = CYRILLIC.get(c);
            if (replacement != null) {
                latin.append(replacement);
            } else {
                latin.append(c);
            }
        }
        // Letters that Unicode does not decompose into a base letter and a mark.
        String mapped = latin.toString().replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
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
