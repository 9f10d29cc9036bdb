package org.eventregistry.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eventregistry.platform.text.Slugs;
import org.eventregistry.speaker.Speaker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A publication as a reference manager imports it: BibTeX, RIS or CSL-JSON. Names keep their letters
 * (Jovanović stays Jovanović, in UTF-8); BibTeX's special characters are escaped.
 */
public enum Citation {

    BIBTEX("bibtex", "application/x-bibtex", "bib"),
    RIS("ris", "application/x-research-info-systems", "ris"),
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json", "json");

    private static final java.util.regex.Pattern NUMERIC_ENTITY = java.util.regex.Pattern.compile("&#(\\d{1,7});");
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    public final String format;
    public final String mediaType;
    public final String extension;

    Citation(String format, String mediaType, String extension) {
        this.format = format;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static Optional<Citation> byFormat(String format) {
        for (Citation c : values()) {
            if (c.format.equals(format)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<Citation> byMediaType(String mediaType) {
        for (Citation c : values()) {
            if (c.mediaType.equalsIgnoreCase(mediaType)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The publication written in this format. */
    String write(Publication p, ObjectMapper json) {
        return switch (this) {
            case BIBTEX -> bibtex(p);
            case RIS -> ris(p);
            case CSL_JSON -> cslJson(p, json);
        };
    }

    private static String bibtex(Publication p) {
        String entry = switch (p.type) {
            case BOOK -> "book";
            case BOOK_CHAPTER -> "incollection";
            case REPORT, POLICY_BRIEF -> "techreport";
            case ARTICLE, ESSAY, INTERVIEW -> p.periodicalName != null ? "article" : "misc";
            default -> "misc";
        };
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("author", String.join(" and ", p.authors.stream().map(a -> bibName(a.speaker)).toList()));
        fields.put("title", "{" + bib(title(p)) + "}");
        fields.put(entry.equals("incollection") ? "booktitle" : "journal", bib(p.periodicalName));
        fields.put("volume", bib(p.volume));
        fields.put("number", bib(p.issue));
        fields.put("pages", p.pages == null ? null : bib(p.pages.replaceAll("\\s*[-–]+\\s*", "--")));
        fields.put(entry.equals("techreport") ? "institution" : "publisher", bib(p.publisher));
        if (p.publishedOn != null) {
            fields.put("year", Integer.toString(p.publishedOn.getYear()));
            if (p.publishedPrecision != PublishedDate.Precision.YEAR) {
                fields.put("month", MONTHS[p.publishedOn.getMonthValue() - 1]);
            }
            // biblatex reads the full date at its precision; classic BibTeX ignores the field.
            fields.put("date", new PublishedDate(p.publishedOn, p.publishedPrecision).toString());
        }
        fields.put("doi", bib(p.doi));
        fields.put("isbn", p.isbn);
        fields.put("url", p.url == null ? null : p.url.replace("%", "\\%").replace("#", "\\#"));
        fields.put("language", p.language);
        fields.put("keywords", p.topics.isEmpty() ? null : bib(String.join(", ", p.topics.stream().map(t -> t.name).toList())));
        StringBuilder out = new StringBuilder("@").append(entry).append('{').append(key(p));
        fields.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                boolean bare = name.equals("month") || name.equals("year");
                out.append(",\n  ").append(name).append(" = ").append(bare ? value : "{" + value + "}");
            }
        });
        return out.append("\n}\n").toString();
    }

    /** A citation key: first author's family name, year, first word of the title, in ASCII. */
    private static String key(Publication p) {
        String who = p.authors.isEmpty() ? "anon" : Slugs.of(p.authors.get(0).speaker.familyName != null
                ? p.authors.get(0).speaker.familyName : p.authors.get(0).speaker.displayName).replace("-", "");
        String year = p.publishedOn == null ? "nd" : Integer.toString(p.publishedOn.getYear());
        String word = Slugs.of(p.title).split("-")[0];
        String key = (who.isEmpty() ? "anon" : who) + year + word;
        return key.isEmpty() ? p.id : key;
    }

    private static String bibName(Speaker s) {
        if (s.familyName == null) {
            return "{" + bib(s.displayName) + "}";
        }
        return s.givenName == null ? bib(s.familyName) : bib(s.familyName) + ", " + bib(s.givenName);
    }

    /** Escapes the characters BibTeX gives a meaning; other letters stay as they are (UTF-8). */
    static String bib(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String ris(Publication p) {
        String type = switch (p.type) {
            case BOOK -> "BOOK";
            case BOOK_CHAPTER -> "CHAP";
            case REPORT, POLICY_BRIEF -> "RPRT";
            case NEWS, PRESS_RELEASE -> "NEWS";
            case JOURNAL_ISSUE -> "JFULL";
            case ARTICLE, ESSAY, INTERVIEW -> p.periodicalName != null ? "JOUR" : "GEN";
        };
        List<String[]> tags = new ArrayList<>();
        tags.add(new String[]{"TY", type});
        p.authors.forEach(a -> tags.add(new String[]{"AU", a.speaker.familyName == null ? a.speaker.displayName
                : a.speaker.givenName == null ? a.speaker.familyName : a.speaker.familyName + ", " + a.speaker.givenName}));
        tags.add(new String[]{"TI", title(p)});
        tags.add(new String[]{"T2", p.periodicalName});
        tags.add(new String[]{"VL", p.volume});
        tags.add(new String[]{"IS", p.issue});
        if (p.pages != null) {
            String[] range = p.pages.split("\\s*[-–]+\\s*", 2);
            tags.add(new String[]{"SP", range[0]});
            tags.add(new String[]{"EP", range.length > 1 ? range[1] : null});
        }
        if (p.publishedOn != null) {
            tags.add(new String[]{"PY", Integer.toString(p.publishedOn.getYear())});
            tags.add(new String[]{"DA", risDate(p.publishedOn, p.publishedPrecision)});
        }
        tags.add(new String[]{"PB", p.publisher});
        tags.add(new String[]{"DO", p.doi});
        tags.add(new String[]{"SN", p.isbn});
        tags.add(new String[]{"UR", p.url});
        tags.add(new String[]{"LA", p.language});
        p.topics.forEach(t -> tags.add(new String[]{"KW", t.name}));
        tags.add(new String[]{"AB", plain(p.abstractText)});
        StringBuilder out = new StringBuilder();
        for (String[] tag : tags) {
            if (tag[1] != null && !tag[1].isBlank()) {
                out.append(tag[0]).append("  - ").append(tag[1].replaceAll("[\\r\\n]+", " ")).append("\r\n");
            }
        }
        return out.append("ER  - \r\n").toString();
    }

    private static String risDate(LocalDate date, PublishedDate.Precision precision) {
        return switch (precision) {
            case YEAR -> String.format("%04d///", date.getYear());
            case MONTH -> String.format("%04d/%02d//", date.getYear(), date.getMonthValue());
            case DAY -> String.format("%04d/%02d/%02d/", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        };
    }

    private static String cslJson(Publication p, ObjectMapper json) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", p.slug);
        item.put("type", switch (p.type) {
            case BOOK -> "book";
            case BOOK_CHAPTER -> "chapter";
            case REPORT, POLICY_BRIEF -> "report";
            case NEWS, PRESS_RELEASE -> "article-newspaper";
            case INTERVIEW -> "interview";
            case JOURNAL_ISSUE -> "periodical";
            case ARTICLE, ESSAY -> p.periodicalName != null ? "article-journal" : "article";
        });
        item.put("title", title(p));
        List<Map<String, String>> authors = new ArrayList<>();
        for (Authorship a : p.authors) {
            Map<String, String> name = new LinkedHashMap<>();
            if (a.speaker.familyName == null) {
                name.put("literal", a.speaker.displayName);
            } else {
                name.put("family", a.speaker.familyName);
                if (a.speaker.givenName != null) {
                    name.put("given", a.speaker.givenName);
                }
            }
            authors.add(name);
        }
        if (!authors.isEmpty()) {
            item.put("author", authors);
        }
        putIf(item, "container-title", p.periodicalName);
        putIf(item, "volume", p.volume);
        putIf(item, "issue", p.issue);
        putIf(item, "page", p.pages);
        if (p.publishedOn != null) {
            List<Integer> parts = new ArrayList<>(List.of(p.publishedOn.getYear()));
            if (p.publishedPrecision != PublishedDate.Precision.YEAR) {
                parts.add(p.publishedOn.getMonthValue());
            }
            if (p.publishedPrecision == PublishedDate.Precision.DAY) {
                parts.add(p.publishedOn.getDayOfMonth());
            }
            item.put("issued", Map.of("date-parts", List.of(parts)));
        }
        putIf(item, "publisher", p.publisher);
        putIf(item, "DOI", p.doi);
        putIf(item, "ISBN", p.isbn);
        putIf(item, "URL", p.url);
        putIf(item, "language", p.language);
        putIf(item, "abstract", plain(p.abstractText));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(item)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIf(Map<String, Object> item, String name, String value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    private static String title(Publication p) {
        return p.subtitle == null ? p.title : p.title + ": " + p.subtitle;
    }

    /** Sanitised HTML as plain text, for abstracts in formats that carry no markup. */
    static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text = NUMERIC_ENTITY.matcher(html.replaceAll("<[^>]*>", " ")).replaceAll(
                m -> java.util.regex.Matcher.quoteReplacement(Character.isValidCodePoint(Integer.parseInt(m.group(1)))
                        ? new String(Character.toChars(Integer.parseInt(m.group(1)))) : " "));
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text;
    }
}
