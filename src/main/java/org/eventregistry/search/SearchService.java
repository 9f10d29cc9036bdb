package org.eventregistry.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eventregistry.access.Caller;
import org.eventregistry.event.EventType;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.http.QueryValues;
import org.eventregistry.platform.paging.Cursors;
import org.eventregistry.platform.search.TextSearch;
import org.eventregistry.platform.text.Slugs;
import org.eventregistry.platform.validation.CountryCode;
import org.eventregistry.platform.validation.LanguageTag;
import org.eventregistry.publication.PublicationType;
import org.apache.lucene.search.IndexSearcher;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Searches the index: /search across kinds with filters, facets and snippets, type-ahead suggestions, and the
 * matches behind {@code q} on the collections. Before it asks the index, a search waits (briefly, see
 * registry.search.max-wait) until the index holds every write committed before the request arrived.
 */
@ApplicationScoped
public class SearchService implements TextSearch {

    private static final Logger LOG = Logger.getLogger(SearchService.class);

    /** Deepest result a cursor reaches: past it, narrow the query. */
    static final int MAX_OFFSET = 10_000;
    static final int MAX_SUGGESTIONS = 20;
    /** Words this long or longer forgive one typo; {@link #TWO_TYPOS} and longer, two. */
    static final int ONE_TYPO = 5;
    static final int TWO_TYPOS = 9;
    /** Typos are not looked for in longer words: a word of 40 letters is not mistyped, and fuzzy matching grows with length. */
    static final int LONGEST_FUZZY = 40;
    private static final long TIME_BUDGET_MS = 800;

    private static final Map<String, Float> EXACT_FIELDS = Map.of(
            "title", 6f, "names", 4f, "summary", 2f, "context", 1.5f, "body", 1f);
    private static final Map<String, Float> FUZZY_FIELDS = Map.of("title_folded", 3f, "names", 2f, "summary_folded", 1f);
    private static final Map<String, Float> PREFIX_FIELDS = Map.of("title_prefix", 2f, "names_prefix", 1.5f);
    /** Weight of a match with typos, and of a word's beginning, against the word itself. */
    private static final float FUZZY_WEIGHT = 0.4f;
    private static final float PREFIX_WEIGHT = 0.3f;
    private static final List<String> FACETS = List.of("kind", "topic", "eventType", "publicationType", "year", "country");

    private final SearchEngine engine;
    private final Indexer indexer;
    private final SearchSlots slots;
    private final SearchConfig config;
    private final Caller caller;
    private final Cursors cursors;
    private final RegistryConfig registry;
    private final ObjectMapper json;

    SearchService(SearchEngine engine, Indexer indexer, SearchSlots slots, SearchConfig config, Caller caller, Cursors cursors,
                  RegistryConfig registry, ObjectMapper json) {
        this.engine = engine;
        this.indexer = indexer;
        this.slots = slots;
        this.config = config;
        this.caller = caller;
        this.cursors = cursors;
        this.registry = registry;
        this.json = json;
    }

    /** The values of the filters, checked: a 400 problem names the first one at fault. */
    record Criteria(Set<String> kinds, Instant from, Instant to, Set<String> topics, Set<String> countries,
                            Set<String> eventTypes, Set<String> publicationTypes, Set<String> languages, boolean drafts) {

        /** The same filters with drafts not left out. */
        Criteria seeingDrafts() {
            return new Criteria(kinds, from, to, topics, countries, eventTypes, publicationTypes, languages, true);
        }
    }

    public SearchPage search(SearchFilters filters, String limitParam, String cursor) {
        QueryText text = QueryText.parse(filters.q);
        Criteria criteria = criteria(filters);
        int limit = QueryValues.limit(limitParam);
        String binding = filters.canonical(criteria.drafts());
        int offset = cursor == null ? 0 : cursors.decodeOffset(cursor, binding);
        if (offset < 0 || offset > MAX_OFFSET) {
            throw QueryValues.bad("cursor", "is not valid");
        }
        boolean current = indexer.awaitCurrent(config.maxWait());
        // Facets are counted for the first page only: the later pages of a search have the same ones.
        boolean counted = offset == 0;
        try (SearchSession session = engine.session()) {
            Found found = slots.run(() -> asWrittenThenWithTypos(text,
                    typos -> find(session, text, criteria, typos, counted, offset, limit), f -> f.total() == 0));
            long total = found.total();
            Snippets snippets = new Snippets(text.allWords());
            List<SearchHit> hits = found.rows().stream().map(row -> hit(row, snippets)).toList();
            String next = offset + hits.size() < total && offset + limit <= MAX_OFFSET && hits.size() == limit
                    ? cursors.encodeOffset(binding, offset + limit) : null;
            Map<String, List<SearchPage.FacetCount>> facets = new LinkedHashMap<>();
            found.facets().forEach((facet, counts) -> facets.put(facet, counts.entrySet().stream()
                    .map(e -> new SearchPage.FacetCount(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(SearchPage.FacetCount::count).reversed()
                            .thenComparing(SearchPage.FacetCount::value))
                    .toList()));
            return new SearchPage(hits, total, limit, next, facets, current);
        }
    }

    /**
     * What a search found: how many matches, the page's rows (id, kind, slug, title, score, summary, body's start,
     * card) and, when counted, each facet's values with their counts.
     */
    record Found(long total, List<Object[]> rows, Map<String, Map<String, Long>> facets) {
    }

    /** One page of hits with the facets when {@code counted}, the words matched as written (and as beginnings), or also with typos. */
    Found find(SearchSession session, QueryText text, Criteria criteria, boolean typos, boolean counted, int offset, int limit) {
        return engine.shared() ? viaMapping(session, text, criteria, typos, counted, offset, limit)
                : embedded(session, text, criteria, typos, counted, offset, limit);
    }

    /** A search of the embedded index on Lucene itself, with the query the mapping builds (see {@link EmbeddedSearch}). */
    Found embedded(SearchSession session, QueryText text, Criteria criteria, boolean typos, boolean counted, int offset, int limit) {
        SearchPredicateFactory f = session.scope(SearchDocument.class).predicate();
        // Drafts are left out by the documents the search accepts rather than by a clause of its query: a query of one
        // word is then a plain disjunction, which Lucene scores in bulk.
        return EmbeddedSearch.find(session, query(f, text, criteria.seeingDrafts(), typos).toPredicate(),
                criteria.drafts() ? null : f.match().field("published").matching(true).toPredicate(),
                !typos, counted ? FACETS : List.of(), offset, limit);
    }

    /** A search through the engine's own query, top hits and aggregations: OpenSearch computes them where the index is. */
    Found viaMapping(SearchSession session, QueryText text, Criteria criteria, boolean typos, boolean counted,
                             int offset, int limit) {
        Map<String, AggregationKey<Map<String, Long>>> keys = new LinkedHashMap<>();
        AggregationKey<Map<Integer, Long>> years = counted ? AggregationKey.of("year") : null;
        if (counted) {
            FACETS.stream().filter(name -> !name.equals("year")).forEach(name -> keys.put(name, AggregationKey.of(name)));
        }
        var query = session.search(SearchDocument.class)
                // The texts snippets are cut from (see Snippets); none for a search with typos forgiven, whose words
                // are not the ones found.
                .select(f -> f.composite().from(f.id(String.class), f.field("kind", String.class), f.field("slug", String.class),
                        f.field("title", String.class), f.score(),
                        typos ? f.constant((String) null) : f.field("summary", String.class),
                        typos ? f.constant((String) null) : f.field("bodyStart", String.class),
                        f.field("card", String.class)).asArray())
                .where(f -> query(f, text, criteria, typos))
                .sort(f -> f.score().then().field("recency").desc().missing().last());
        for (Map.Entry<String, AggregationKey<Map<String, Long>>> facet : keys.entrySet()) {
            query = query.aggregation(facet.getValue(), f -> f.terms().field(facet.getKey(), String.class)
                    .maxTermCount(mostValues(facet.getKey())).orderByCountDescending());
        }
        if (years != null) {
            query = query.aggregation(years, f -> f.terms().field("year", Integer.class).maxTermCount(mostValues("year"))
                    .orderByCountDescending());
        }
        // No truncateAfter here: a truncated collection leaves the facets without results.
        SearchResult<Object[]> result = query.fetch(offset, limit);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : counted ? FACETS : List.<String>of()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            (facet.equals("year") ? result.aggregation(years) : result.aggregation(keys.get(facet)))
                    .forEach((value, count) -> counts.put(String.valueOf(value), count));
            facets.put(facet, counts);
        }
        return new Found(result.total().hitCountLowerBound(), result.hits(), facets);
    }

    /** How many values of a facet a page lists. */
    static int mostValues(String facet) {
        return switch (facet) {
            case "topic" -> 30;
            case "year" -> 100;
            default -> 50;
        };
    }

    /**
     * Whether a query that found nothing as written is tried again with typos forgiven. Matching with typos costs far
     * more than matching words (Lucene builds an automaton per word and field), so it is the second try, not the first:
     * a word found as written (or folded: "jovanovic" finds "Jovanović") never pays for it.
     */
    private static boolean forgivesTypos(QueryText text) {
        return text.words().stream().anyMatch(SearchService::mayHaveTypos);
    }

    /**
     * A search as written and, when that found nothing and a word may hold a typo, again with typos forgiven. The
     * second try's refusal for holding more clauses than the engine allows is answered with the first (nothing
     * found): each word forgiven its typos becomes up to 50 words per field, and an OpenSearch cluster left at its
     * default limit (1,024; README: Search) refuses the longest queries.
     */
    private <T> T asWrittenThenWithTypos(QueryText text, Function<Boolean, T> search, Predicate<T> nothingFound) {
        T asWritten = search.apply(false);
        if (!nothingFound.test(asWritten) || !forgivesTypos(text)) {
            return asWritten;
        }
        try {
            return search.apply(true);
        } catch (RuntimeException e) {
            if (!tooManyClauses(e)) {
                throw e;
            }
            LOG.warnf("A search with typos forgiven holds more clauses than the search engine allows; answered as written. "
                    + "On OpenSearch, set indices.query.bool.max_clause_count to 4096 (README: Search): %s", e.getMessage());
            return asWritten;
        }
    }

    /** Whether a failure is the engine's refusal of a query with too many clauses (Lucene's, or OpenSearch's). */
    static boolean tooManyClauses(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof IndexSearcher.TooManyClauses || message.contains("maxClauseCount")
                    || message.contains("too_many_clauses") || message.contains("too_many_nested_clauses")) {
                return true;
            }
        }
        return false;
    }

    /** Words from {@link #ONE_TYPO} to {@link #LONGEST_FUZZY} letters are looked for with typos too. */
    private static boolean mayHaveTypos(String word) {
        int length = word.codePointCount(0, word.length());
        return length >= ONE_TYPO && length <= LONGEST_FUZZY;
    }

    /** Titles and names that begin with the words typed (the last one as a prefix), best and latest first. */
    public List<Suggestion> suggest(String q, List<String> types, String limitParam) {
        QueryText text = QueryText.parse(q);
        int limit = QueryValues.limit(limitParam, 8, MAX_SUGGESTIONS);
        Set<String> kinds = kinds(types);
        boolean drafts = caller.canSeeDrafts();
        List<String> words = text.allWords();
        if (words.isEmpty()) {
            return List.of();
        }
        indexer.awaitCurrent(config.maxWait());
        try (SearchSession session = engine.session()) {
            return engine.shared() ? suggestViaMapping(session, words, kinds, drafts, limit)
                    : suggestEmbedded(session, words, kinds, drafts, limit);
        }
    }

    /** Suggestions through the mapping's query and top hits (OpenSearch). */
    List<Suggestion> suggestViaMapping(SearchSession session, List<String> words, Set<String> kinds, boolean drafts, int limit) {
        return session.search(SearchDocument.class)
                .select(f -> f.composite().from(f.id(String.class), f.field("kind", String.class), f.field("slug", String.class),
                        f.field("title", String.class)).asArray())
                .where(f -> beginnings(f, words, kinds, drafts))
                .sort(f -> f.score().then().field("recency").desc().missing().last())
                // No count of all the matches is needed: the engine may skip those that cannot make the top.
                .totalHitCountThreshold(limit)
                .truncateAfter(TIME_BUDGET_MS, TimeUnit.MILLISECONDS)
                .fetchHits(limit).stream()
                .map(row -> new Suggestion((String) row[1], (String) row[0], (String) row[2], (String) row[3]))
                .toList();
    }

    /** Suggestions from the embedded index on Lucene itself, with the query the mapping builds (see {@link EmbeddedSearch}). */
    List<Suggestion> suggestEmbedded(SearchSession session, List<String> words, Set<String> kinds, boolean drafts, int limit) {
        SearchPredicateFactory f = session.scope(SearchDocument.class).predicate();
        return EmbeddedSearch.best(session, beginnings(f, words, kinds, true).toPredicate(),
                        drafts ? null : f.match().field("published").matching(true).toPredicate(), limit)
                .stream()
                .map(row -> new Suggestion((String) row[1], (String) row[0], (String) row[2], (String) row[3]))
                .toList();
    }

    /** Titles and names with words that begin with each of the words typed. */
    private static PredicateFinalStep beginnings(SearchPredicateFactory f, List<String> words, Set<String> kinds, boolean drafts) {
        var all = f.bool();
        for (String word : words) {
            String prefix = word.length() > Analysis.LONGEST_PREFIX ? word.substring(0, Analysis.LONGEST_PREFIX) : word;
            all.must(f.match().field("title_prefix").matching(prefix));
        }
        visibility(f, all, drafts);
        if (!kinds.isEmpty()) {
            all.filter(f.terms().field("kind").matchingAny(kinds));
        }
        return all;
    }

    @Override
    public List<String> matching(Kind kind, String q, boolean drafts) {
        QueryText text = QueryText.parse(q);
        String name = kind.name().toLowerCase(Locale.ROOT);
        Criteria criteria = new Criteria(Set.of(name), null, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), drafts);
        if (text.isEmpty()) {
            return null;
        }
        indexer.awaitCurrent(config.maxWait());
        try (SearchSession session = engine.session()) {
            return slots.run(() -> asWrittenThenWithTypos(text, typos -> matches(session, text, criteria, typos), List::isEmpty));
        }
    }

    private List<String> matches(SearchSession session, QueryText text, Criteria criteria, boolean typos) {
        return session.search(SearchDocument.class)
                .select(f -> f.id(String.class))
                .where(f -> query(f, text, criteria, typos))
                .sort(f -> f.score().then().field("recency").desc().missing().last())
                .totalHitCountThreshold(MAX_MATCHES)
                .truncateAfter(TIME_BUDGET_MS, TimeUnit.MILLISECONDS)
                .fetchHits(MAX_MATCHES);
    }

    /**
     * Every word must be found (as written, as the beginning of a word, or with {@code typos} also with a typo);
     * phrases in their order.
     */
    private PredicateFinalStep query(SearchPredicateFactory f, QueryText text, Criteria c, boolean typos) {
        BooleanPredicateClausesStep<?, ?> all = f.bool();
        if (text.isEmpty()) {
            all.must(f.matchAll());
        }
        for (String word : text.words()) {
            // One clause per field, so each field's own analyser reads the word.
            var any = f.bool();
            EXACT_FIELDS.forEach((field, boost) -> any.should(f.match().field(field).matching(word).boost(boost)));
            int length = word.codePointCount(0, word.length());
            if (typos && mayHaveTypos(word)) {
                int edits = length >= TWO_TYPOS ? 2 : 1;
                FUZZY_FIELDS.forEach((field, boost) -> any.should(f.match().field(field).matching(word).fuzzy(edits, 1)
                        .boost(boost * FUZZY_WEIGHT)));
            }
            if (length >= 2) {
                String prefix = length > Analysis.LONGEST_PREFIX ? word.substring(0, Analysis.LONGEST_PREFIX) : word;
                PREFIX_FIELDS.forEach((field, boost) -> any.should(f.match().field(field).matching(prefix).boost(boost * PREFIX_WEIGHT)));
            }
            all.must(any);
        }
        for (String phrase : text.phrases()) {
            var any = f.bool();
            EXACT_FIELDS.forEach((field, boost) -> any.should(f.phrase().field(field).matching(phrase).boost(boost)));
            all.must(any);
        }
        visibility(f, all, c.drafts());
        if (!c.kinds().isEmpty()) {
            all.filter(f.terms().field("kind").matchingAny(c.kinds()));
        }
        if (c.from() != null) {
            all.filter(f.range().field("endsAt").atLeast(c.from()));
        }
        if (c.to() != null) {
            all.filter(f.range().field("startsAt").atMost(c.to()));
        }
        if (!c.topics().isEmpty()) {
            all.filter(f.terms().field("topicKey").matchingAny(c.topics()));
        }
        if (!c.countries().isEmpty()) {
            all.filter(f.terms().field("country").matchingAny(c.countries()));
        }
        if (!c.eventTypes().isEmpty()) {
            all.filter(f.terms().field("eventType").matchingAny(c.eventTypes()));
        }
        if (!c.publicationTypes().isEmpty()) {
            all.filter(f.terms().field("publicationType").matchingAny(c.publicationTypes()));
        }
        if (!c.languages().isEmpty()) {
            all.filter(f.terms().field("language").matchingAny(c.languages()));
        }
        return all;
    }

    private static void visibility(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> all, boolean drafts) {
        if (!drafts) {
            all.filter(f.match().field("published").matching(true));
        }
    }

    private Criteria criteria(SearchFilters f) {
        ZoneId zone = registry.defaultTimeZone();
        Instant from = QueryValues.bound("from", f.from, false, zone);
        Instant to = QueryValues.bound("to", f.to, true, zone);
        if (from != null && to != null && from.isAfter(to)) {
            throw QueryValues.bad("to", "must not be before from");
        }
        Set<String> countries = QueryValues.split(f.country).stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String country : countries) {
            if (!CountryCode.CODES.contains(country)) {
                throw QueryValues.bad("country", "'" + country + "' is not an ISO 3166-1 alpha-2 code");
            }
        }
        return new Criteria(kinds(f.type), from, to,
                QueryValues.split(f.topic).stream().map(Slugs::key).collect(Collectors.toSet()),
                countries,
                QueryValues.enums("eventType", f.eventType, EventType.class).stream().map(Enum::name).collect(Collectors.toSet()),
                QueryValues.enums("publicationType", f.publicationType, PublicationType.class).stream().map(Enum::name)
                        .collect(Collectors.toSet()),
                QueryValues.split(f.language).stream().map(LanguageTag.Check::canonical).collect(Collectors.toSet()),
                caller.canSeeDrafts());
    }

    private static Set<String> kinds(List<String> types) {
        Set<String> kinds = QueryValues.split(types).stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String kind : kinds) {
            if (!Set.of("event", "speaker", "publication").contains(kind)) {
                throw QueryValues.bad("type", "'" + kind + "' is not one of event, speaker, publication");
            }
        }
        return kinds;
    }

    private SearchHit hit(Object[] row, Snippets snippets) {
        String snippet = snippets.of((String) row[5], (String) row[6]);
        SearchHit.Fields fields;
        try {
            // Times keep the event's own offset, as the card stored them.
            fields = json.readerFor(SearchHit.Fields.class).without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .readValue((String) row[7]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A search card cannot be read", e);
        }
        if (!caller.canSeeDrafts()) {
            fields = withoutStatus(fields);
        }
        float score = (Float) row[4];
        return new SearchHit((String) row[1], (String) row[0], (String) row[2], (String) row[3],
                Math.round(score * 1000) / 1000.0, snippet, fields);
    }

    /** The public knows every record it finds is published: the status is shown to staff only. */
    private static SearchHit.Fields withoutStatus(SearchHit.Fields f) {
        return new SearchHit.Fields(f.startsAt(), f.endsAt(), f.timeZone(), f.eventType(), f.status(), f.venue(), f.city(), f.country(),
                f.position(), f.affiliation(), f.photoUrl(), f.publicationType(), f.periodical(), f.publishedOn(), f.authors(), null);
    }
}
