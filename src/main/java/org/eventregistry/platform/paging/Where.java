package org.eventregistry.platform.paging;

import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JPQL where-clause built from optional filters, with its named parameters. */
public final class Where {

    private final StringBuilder clause = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code condition} (which names {@code :param}) when the value is present. */
    public Where and(String condition, String param, Object value) {
        if (value != null) {
            append(condition);
            params.put(param, value);
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

    /** Adds the keyset condition of a cursor: the rows after its position in the sort. */
    public Where after(Sort sort, String alias, List<Object> values) {
        if (values != null) {
            append(sort.after(alias, "after", values));
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    params.put("after" + i, values.get(i));
                }
            }
        }
        return this;
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
