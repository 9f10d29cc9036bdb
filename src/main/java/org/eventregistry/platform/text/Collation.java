package org.eventregistry.platform.text;

import org.eventregistry.platform.config.RegistryConfig;

import jakarta.enterprise.context.ApplicationScoped;

import java.text.CollationKey;
import java.text.Collator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Sort keys that order names as readers of the configured language expect (in Serbian Latin,
 * Čolić after Cvijić and Đorđević after Dimitrijević), stored so the database can sort and page by them.
 */
@ApplicationScoped
public class Collation {

    private final Locale locale;

    public Collation(RegistryConfig config) {
        this.locale = Locale.forLanguageTag(config.collation());
    }

    public String languageTag() {
        return locale.toLanguageTag();
    }

    /** A string whose plain (binary) order is the collation order of {@code text}. */
    public String sortKey(String text) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.TERTIARY);
        CollationKey key = collator.getCollationKey(text == null ? "" : text);
        return HexFormat.of().formatHex(key.toByteArray());
    }
}
