package org.eventregistry.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snippets mark what the index matched, in the sentence where it first occurs, and escape everything else. */
class SnippetsTest {

    @Test
    void theSentenceOfTheFirstOccurrenceWithEveryOccurrenceMarked() {
        Snippets s = new Snippets(List.of("diplomacy"));
        assertEquals("Then came <mark>diplomacy</mark>, and more <mark>Diplomacy</mark>.",
                s.of("The war began. Then came diplomacy, and more Diplomacy. Peace followed diplomacy."));
    }

    @Test
    void wordFormsAccentsAndScriptsMatchAsTheyDoInTheIndex() {
        assertEquals("Two <mark>conferences</mark> in Belgrade", new Snippets(List.of("conference")).of("Two conferences in Belgrade"));
        assertEquals("A talk by <mark>Jovanović</mark>", new Snippets(List.of("jovanovic")).of("A talk by Jovanović"));
        assertEquals("A talk by <mark>Jovanović</mark>", new Snippets(List.of("Јовановић")).of("A talk by Jovanović"));
    }

    @Test
    void theSummaryFirstThenTheTextAndNullWhenNeitherHoldsAWord() {
        Snippets s = new Snippets(List.of("neutrality"));
        assertEquals("Armed <mark>neutrality</mark> today", s.of("A summary without it", "Armed neutrality today"));
        assertEquals("<mark>Neutrality</mark> first", s.of("Neutrality first", "neutrality again"));
        assertNull(s.of("Nothing here", null));
        assertNull(new Snippets(List.of()).of("Neutrality"));
    }

    @Test
    void everythingButTheMarksIsEscaped() {
        String snippet = new Snippets(List.of("neutrality")).of("Tom & Jerry <script>alert('x')</script> discuss \"neutrality\"");
        assertEquals("Tom &amp; Jerry &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; discuss &quot;<mark>neutrality</mark>&quot;",
                snippet);
    }

    @Test
    void aLongSentenceIsCutAroundTheWordBetweenWords() {
        String before = "word ".repeat(100);
        String after = " more".repeat(100);
        String snippet = new Snippets(List.of("security")).of(before + "security" + after);
        assertTrue(snippet.startsWith("…word "), snippet);
        assertTrue(snippet.endsWith(" more…"), snippet);
        assertTrue(snippet.contains("<mark>security</mark>"), snippet);
        assertTrue(snippet.length() <= Snippets.LONGEST + 2 + "<mark></mark>".length(), snippet.length() + ": " + snippet);
    }

    @Test
    void aPassageCutWithoutSpacesStillHoldsTheWord() {
        String snippet = new Snippets(List.of("diplomacy")).of("See https://example.org/" + "x".repeat(100) + "/diplomacy/"
                + "y".repeat(300) + " for more");
        assertTrue(snippet.contains("<mark>diplomacy</mark>"), snippet);
        assertTrue(snippet.endsWith("…"), snippet);
    }

    @Test
    void aSentenceCutWhereTheReadingStopsSaysSo() {
        String snippet = new Snippets(List.of("needle")).of("hay ".repeat(Snippets.READ / 4 - 20) + "needle " + "hay ".repeat(50));
        assertTrue(snippet.contains("<mark>needle</mark>") && snippet.endsWith("…"), snippet);
    }

    @Test
    void theIndexKeepsOnlyTheBeginningOfATextThatSnippetsRead() {
        SearchDocument d = new SearchDocument();
        d.body("a".repeat(Snippets.READ * 2));
        assertEquals(Snippets.READ * 2, d.body.length());
        assertEquals(Snippets.READ, d.bodyStart.length());
        d.body("a".repeat(Snippets.READ - 1) + "\uD83D\uDE00" + "b");
        assertEquals(Snippets.READ - 1, d.bodyStart.length(), "a pair of surrogates is not split");
        d.body(null);
        assertNull(d.bodyStart);
    }

    @Test
    void onlyTheBeginningOfALongTextIsRead() {
        Snippets s = new Snippets(List.of("needle"));
        assertNull(s.of("hay ".repeat(Snippets.READ / 4) + "needle"));
        assertEquals("<mark>needle</mark>", s.of("needle"));
    }
}
