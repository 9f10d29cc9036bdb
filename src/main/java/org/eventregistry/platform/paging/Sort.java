package org.eventregistry.platform.paging;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code sort} parameter ({@code startsAt,-title}), always ending with the id so that
 * the order is total and a cursor can say exactly where a page ended.
 */
public record Sort(List<Order> orders, String canonical) {

    /** One key of the sort and its direction. */
    public record Order(SortKey key, boolean descending) {
    }

    public static final SortKey ID = new SortKey("id", "id", SortKey.Kind.TEXT);

    /** Parses the parameter against the keys a list offers; unknown or repeated keys are a 400. */
    public static Sort parse(String param, String defaultSort, Map<String, SortKey> allowed) {
        String text = param == null || param.isBlank() ? defaultSort : param;
        List<Order> orders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            boolean descending = name.startsWith("-");
            if (descending || name.startsWith("+")) {
                name = name.substring(1);
            }
            SortKey key = allowed.get(name);
            if (key == null) {
                throw new RegistryException.BadRequest("Cannot sort on '" + part + "'; sort on " + String.join(", ", allowed.keySet()),
                        List.of(new FieldError("sort", "unknown sort key '" + part + "'")));
            }
            if (!seen.add(name)) {
                throw new RegistryException.BadRequest("The sort names " + name + " twice",
                        List.of(new FieldError("sort", "repeated sort key '" + name + "'")));
            }
            orders.add(new Order(key, descending));
        }
        StringBuilder canonical = new StringBuilder();
        for (Order order : orders) {
            canonical.append(canonical.isEmpty() ? "" : ",").append(order.descending ? "-" : "").append(order.key.name());
        }
        orders.add(new Order(ID, false));
        return new Sort(List.copyOf(orders), canonical.toString());
    }

    /** The JPQL ORDER BY clause for an entity aliased {@code alias}. */
    public String orderBy(String alias) {
        StringBuilder clause = new StringBuilder(" order by ");
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            clause.append(i == 0 ? "" : ", ").append(alias).append('.').append(order.key.path())
                    .append(order.descending ? " desc" : " asc");
        }
        return clause.toString();
    }

    /**
     * The JPQL condition selecting the rows after a cursor's position:
     * {@code k1 > v1 or (k1 = v1 and k2 > v2) or ...}, with the direction of each key.
     */
    public String after(String alias, String paramPrefix) {
        StringBuilder condition = new StringBuilder("(");
        for (int i = 0; i < orders.size(); i++) {
            condition.append(i == 0 ? "" : " or ").append('(');
            for (int j = 0; j < i; j++) {
                condition.append(alias).append('.').append(orders.get(j).key.path())
                        .append(" = :").append(paramPrefix).append(j).append(" and ");
            }
            Order order = orders.get(i);
            condition.append(alias).append('.').append(order.key.path())
                    .append(order.descending ? " < :" : " > :").append(paramPrefix).append(i).append(')');
        }
        return condition.append(')').toString();
    }
}
