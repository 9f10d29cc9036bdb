package org.eventregistry.platform.paging;

import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.http.QueryValues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
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
        long counted = where.bind(em.createQuery("select r.id from " + type.getSimpleName() + " r" + where.clause(), String.class))
                .setMaxResults(countLimit + 1).getResultList().size();
        return counted > countLimit ? new Count(countLimit, false) : new Count(counted, true);
    }

    /** Whether any row of the entity matches. */
    public boolean any(Class<?> type, Where where) {
        return !where.bind(em.createQuery("select r.id from " + type.getSimpleName() + " r" + where.clause(), String.class))
                .setMaxResults(1).getResultList().isEmpty();
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
}
