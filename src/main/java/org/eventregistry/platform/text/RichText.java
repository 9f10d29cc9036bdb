package org.eventregistry.platform.text;

import org.eventregistry.platform.error.RegistryException;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/** Sanitises stored HTML (descriptions, bios, abstracts) to a small allow-list: no script, no styles, http(s) links only. */
public final class RichText {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote", "q", "cite",
                    "ul", "ol", "li", "h2", "h3", "h4", "a", "abbr", "code", "pre", "hr")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a", "abbr")
            .allowAttributes("cite").onElements("blockquote", "q")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private RichText() {
    }

    /** The sanitised HTML, or null for null or text that is empty once sanitised. */
    public static String sanitise(String html) {
        if (html == null) {
            return null;
        }
        String clean = POLICY.sanitize(html).strip();
        return clean.isEmpty() ? null : clean;
    }

    /**
     * The sanitised HTML, which must fit in {@code max} characters: sanitising escapes characters and adds link
     * attributes, so text within the input limit can grow past what is stored. Such text is a 422 at {@code pointer}.
     */
    public static String sanitise(String html, int max, String pointer) {
        String clean = sanitise(html);
        if (clean != null && clean.length() > max) {
            throw new RegistryException.Invalid(pointer, "is " + clean.length() + " characters once sanitised (& becomes &amp;, "
                    + "links gain rel); at most " + max + " are stored");
        }
        return clean;
    }
}
