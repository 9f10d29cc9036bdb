package org.eventregistry.platform.paging;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code sort} parameter ({@code startsAt,-title}), always ending with the id so that
 * the order is total and a cursor can say exactly where a page ended. The id runs in the direction of the
 * last key, so a sort on one key is an index on (key, id) read forwards or backwards.
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
        orders.add(new Order(ID, orders.get(orders.size() - 1).descending()));
        return new Sort(List.copyOf(orders), canonical.toString());
    }

    /** The JPQL ORDER BY clause for an entity aliased {@code alias}; records without a nullable key come last. */
    public String orderBy(String alias) {
        return orderBy(alias, List.of());
    }

    /**
     * The ORDER BY clause led by the paths the where-clause fixes to one value ({@link Where#andEqual}): the same
     * order, in a form that lets the database read it from an index on (fixed paths, keys, id).
     */
    public String orderBy(String alias, List<String> fixed) {
        StringBuilder clause = new StringBuilder(" order by ");
        String direction = orders.get(0).descending ? " desc" : " asc";
        for (String path : fixed) {
            clause.append(path).append(direction).append(", ");
        }
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            clause.append(i == 0 ? "" : ", ").append(alias).append('.').append(order.key.path())
                    .append(order.descending ? " desc" : " asc").append(order.key.nullable() ? " nulls last" : "");
        }
        return clause.toString();
    }

    /**
     * The bound on the first key implied by {@link #after}: {@code k1 >= v1} ({@code <=} descending), which the
     * database can start an index range at. None when the key may be null (nulls follow every value).
     */
    Optional<String> start(String alias, String paramPrefix, List<Object> values) {
        Order first = orders.get(0);
        if (first.key.nullable() || values.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(alias + '.' + first.key.path() + (first.descending ? " <= :" : " >= :") + paramPrefix + 0);
    }

    /**
     * The JPQL condition selecting the rows after a cursor's position:
     * {@code k1 > v1 or (k1 = v1 and k2 > v2) or ...}, with the direction of each key. A null value sorts after
     * every other value, so after a null only rows with a null there and greater later keys follow.
     * Parameters are named {@code paramPrefix} and the key's index; a null value has none.
     */
    String after(String alias, String paramPrefix, List<Object> values) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            if (values.get(i) == null) {
                continue;
            }
            StringBuilder term = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                String path = alias + '.' + orders.get(j).key.path();
                term.append(values.get(j) == null ? path + " is null" : path + " = :" + paramPrefix + j).append(" and ");
            }
            String path = alias + '.' + order.key.path();
            String beyond = path + (order.descending ? " < :" : " > :") + paramPrefix + i;
            term.append(order.key.nullable() ? "(" + beyond + " or " + path + " is null)" : beyond).append(')');
            terms.add(term.toString());
        }
        return "(" + String.join(" or ", terms) + ")";
    }
}
