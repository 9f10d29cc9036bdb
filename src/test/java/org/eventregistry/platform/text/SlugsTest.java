package org.eventregistry.platform.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Slugs and matching keys fold case, accents and script, so readers find names however they type them. */
class SlugsTest {

    @Test
    void latinNamesLoseTheirAccents() {
        assertEquals("dordevic-jeremic", Slugs.of("Đorđević Jeremić"));
        assertEquals("jovanovic", Slugs.key("JOVANOVIĆ"));
    }

    @Test
    void cyrillicNamesMatchTheirLatinSpelling() {
        assertEquals(Slugs.key("Jovanović"), Slugs.key("Јовановић"));
        assertEquals(Slugs.key("Đorđević"), Slugs.key("Ђорђевић"));
        assertEquals("horizons-diskusija", Slugs.of("Хоризонс дискусија"));
        assertEquals("ljubljana-njegos-dzep", Slugs.of("Љубљана Његош џеп"));
    }

    @Test
    void textWithoutLettersOrDigitsHasAnEmptySlug() {
        assertEquals("", Slugs.of("— 🌍 —"));
    }
}
