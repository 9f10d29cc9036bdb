package org.eventregistry.platform.paging;

import org.eventregistry.platform.http.QueryValues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads one page of any list with keyset pagination: the total, up to {@code limit} rows after the
 * cursor's position in a total order, and the cursor of the next page. Inserts never shift pages.
 */
@ApplicationScoped
public class Paging {

    /** What a list needs from its entity: its JPQL name, how to read a sort key's value, and how to show a row. */
    public record Source<E, V>(Class<E> type, BiFunction<E, String, Object> sortValue, Function<E, V> view) {
    }

    private final EntityManager em;
    private final Cursors cursors;

    public Paging(EntityManager em, Cursors cursors) {
        this.em = em;
        this.cursors = cursors;
    }

    public <E, V> Page<V> page(Source<E, V> source, Where where, Sort sort, String filters, String limitParam, String cursor) {
        return page(source, where, sort, filters, QueryValues.limit(limitParam), cursor);
    }

    /** How many rows of the entity match. */
    public long count(Class<?> type, Where where) {
        return where.bind(em.createQuery("select count(r) from " + type.getSimpleName() + " r" + where.clause(), Long.class))
                .getSingleResult();
    }

    public <E, V> Page<V> page(Source<E, V> source, Where where, Sort sort, String filters, int limit, String cursor) {
        String fingerprint = Cursors.fingerprint(filters);
        String entity = source.type().getSimpleName();
        long total = count(source.type(), where);
        if (cursor != null) {
            where.after(sort, "r", cursors.decode(cursor, sort, fingerprint));
        }
        List<E> rows = where.bind(em.createQuery("select r from " + entity + " r" + where.clause() + sort.orderBy("r"), source.type()))
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
        return new Page<>(page.stream().map(source.view()).toList(), total, limit, next);
    }
}
