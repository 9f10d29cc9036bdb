package org.eventregistry.platform.paging;

import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JPQL where-clause built from optional filters, with its named parameters. */
public final class Where {

    private final StringBuilder clause = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<String> fixed = new ArrayList<>();
    private boolean narrow;

    /** Adds {@code condition} (which names {@code :param}) when the value is present. */
    public Where and(String condition, String param, Object value) {
        if (value != null) {
            append(condition);
            params.put(param, value);
        }
        return this;
    }

    /**
     * Adds {@code path = :param} when the value is present, and remembers that the path is fixed: the ORDER BY of the
     * list starts with it (a no-op for the order), so that the database sorts by an index that leads with it (H2 uses
     * an index for ORDER BY only when the index's columns start with the ORDER BY's).
     */
    public Where andEqual(String path, String param, Object value) {
        if (value != null) {
            and(path + " = :" + param, param, value);
            fixed.add(path);
        }
        return this;
    }

    /**
     * The paths {@link #andEqual} fixed to one value, to lead the ORDER BY; none when a narrow filter is present: then
     * reading its own index and sorting the few rows it finds beats walking the sort's index past every other row.
     */
    List<String> fixed() {
        return narrow ? List.of() : fixed;
    }

    /**
     * Adds {@code condition} when the collection has values, for a filter that matches few records and has its own
     * index (a series, a parent, a topic): the database should start from that index, not from the sort's.
     */
    public Where andAnyNarrow(String condition, String param, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            andAny(condition, param, values);
            narrow = true;
        }
        return this;
    }

    /** Adds {@code condition} (which names {@code :param}) when the collection has values. */
    public Where andAny(String condition, String param, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            append(condition);
            params.put(param, values);
        }
        return this;
    }

    /**
     * Adds the keyset condition of a cursor: the rows after its position in the sort. The first key's bound comes
     * twice, once on its own, so that the database starts its index range there instead of filtering every row
     * before it.
     */
    public Where after(Sort sort, String alias, List<Object> values) {
        if (values != null) {
            sort.start(alias, "after", values).ifPresent(this::append);
            append(sort.after(alias, "after", values));
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    params.put("after" + i, values.get(i));
                }
            }
        }
        return this;
    }

    /** Another where-clause with the same conditions, to be narrowed further on its own. */
    public Where copy() {
        Where copy = new Where();
        copy.clause.append(clause);
        copy.params.putAll(params);
        copy.fixed.addAll(fixed);
        copy.narrow = narrow;
        return copy;
    }

    public String clause() {
        return clause.isEmpty() ? "" : " where " + clause;
    }

    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        params.forEach(query::setParameter);
        return query;
    }

    private void append(String condition) {
        clause.append(clause.isEmpty() ? "" : " and ").append('(').append(condition).append(')');
    }
}
