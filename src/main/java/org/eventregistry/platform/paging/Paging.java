package org.eventregistry.platform.paging;

import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.http.QueryValues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads one page of any list with keyset pagination: the total (counted up to a limit), up to {@code limit} rows
 * after the cursor's position in a total order, and the cursor of the next page. Inserts never shift pages. What a
 * page costs does not grow with the table: the count stops at its limit, the rows come from an index range that
 * starts at the cursor, in the index's order.
 */
@ApplicationScoped
public class Paging {

    /** What a list needs from its entity: its JPQL name, how to read a sort key's value, and how to show a row. */
    public record Source<E, V>(Class<E> type, BiFunction<E, String, Object> sortValue, Function<E, V> view) {
    }

    /** How many rows match, counted up to a limit; {@code exact} is false when more match. */
    public record Count(long total, boolean exact) {
    }

    private final EntityManager em;
    private final Cursors cursors;
    private final int countLimit;

    public Paging(EntityManager em, Cursors cursors, RegistryConfig config) {
        this.em = em;
        this.cursors = cursors;
        this.countLimit = config.listTotalLimit();
    }

    public <E, V> Page<V> page(Source<E, V> source, Where where, Sort sort, String filters, String limitParam, String cursor) {
        return page(source, where, sort, filters, QueryValues.limit(limitParam), cursor);
    }

    /** How many rows of the entity match, counted up to the limit (registry.list-total-limit). */
    public Count count(Class<?> type, Where where) {
        // The ids up to the limit (HQL takes a limit in a subquery only with an ORDER BY, which would choose the plan).
        long counted = ids(type, where, countLimit + 1);
        return counted > countLimit ? new Count(countLimit, false) : new Count(counted, true);
    }

    /** Whether any row of the entity matches. */
    public boolean any(Class<?> type, Where where) {
        return ids(type, where, 1) > 0;
    }

    /** How many rows match, reading at most {@code max} of their ids. */
    private int ids(Class<?> type, Where where, int max) {
        return where.bind(em.createQuery("select r.id from " + type.getSimpleName() + " r" + where.clause(), String.class))
                .setMaxResults(max).getResultList().size();
    }

    public <E, V> Page<V> page(Source<E, V> source, Where where, Sort sort, String filters, int limit, String cursor) {
        String fingerprint = Cursors.fingerprint(filters);
        String entity = source.type().getSimpleName();
        Count total = count(source.type(), where);
        if (cursor != null) {
            where.after(sort, "r", cursors.decode(cursor, sort, fingerprint));
        }
        List<E> rows = where.bind(em.createQuery("select r from " + entity + " r" + where.clause() + sort.orderBy("r", where.fixed()),
                        source.type()))
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        List<E> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            E last = page.get(page.size() - 1);
            List<Object> values = new ArrayList<>();
            sort.orders().forEach(order -> values.add(source.sortValue().apply(last, order.key().name())));
            next = cursors.encode(sort, fingerprint, values);
        }
        return new Page<>(page.stream().map(source.view()).toList(), total.total(), total.exact(), limit, next);
    }

    /**
     * One page of a list that {@code q} may narrow: {@code matches} are the ids the search engine found, best first
     * (null when there was no q). Without an explicit sort the page is in relevance order, otherwise in the sort's.
     */
    public <E, V> Page<V> page(Source<E, V> source, Where where, List<String> matches, boolean sorted, Sort sort, String filters,
                               String limitParam, String cursor) {
        if (matches == null) {
            return page(source, where, sort, filters, limitParam, cursor);
        }
        if (!sorted) {
            return ranked(source, where, matches, filters, limitParam, cursor);
        }
        if (matches.isEmpty()) {
            return new Page<>(List.of(), 0, true, QueryValues.limit(limitParam), null);
        }
        return page(source, where.andAny("r.id in :matches", "matches", matches), sort, filters, limitParam, cursor);
    }

    /**
     * One page of a list ordered by relevance: the records among {@code ranked} (ids, best first) that also pass
     * {@code where}, in that order. The cursor counts the results before the page and is bound to the query.
     */
    public <E, V> Page<V> ranked(Source<E, V> source, Where where, List<String> ranked, String filters, String limitParam, String cursor) {
        int limit = QueryValues.limit(limitParam);
        String binding = filters + "|relevance";
        int offset = cursor == null ? 0 : cursors.decodeOffset(cursor, binding);
        if (ranked.isEmpty()) {
            return new Page<>(List.of(), 0, true, limit, null);
        }
        String entity = source.type().getSimpleName();
        where.andAny("r.id in :ranked", "ranked", ranked);
        Set<String> passing = new HashSet<>(where.bind(em.createQuery("select r.id from " + entity + " r" + where.clause(), String.class))
                .getResultList());
        List<String> ordered = ranked.stream().filter(passing::contains).toList();
        if (offset < 0 || offset > ordered.size()) {
            throw QueryValues.bad("cursor", "is not valid");
        }
        List<String> pageIds = ordered.subList(offset, Math.min(ordered.size(), offset + limit));
        Map<String, E> rows = new HashMap<>();
        if (!pageIds.isEmpty()) {
            for (E row : em.createQuery("select r from " + entity + " r where r.id in :ids", source.type())
                    .setParameter("ids", pageIds).getResultList()) {
                rows.put((String) source.sortValue().apply(row, "id"), row);
            }
        }
        List<V> items = pageIds.stream().map(rows::get).filter(Objects::nonNull).map(source.view()).toList();
        String next = offset + limit < ordered.size() ? cursors.encodeOffset(binding, offset + limit) : null;
        return new Page<>(items, ordered.size(), true, limit, next);
    }
}
