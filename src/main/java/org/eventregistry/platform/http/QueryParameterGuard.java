package org.eventregistry.platform.http;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters an operation does not declare, and repeats of single-valued ones,
 * so a misspelt filter is a 400 and never silently ignored. Every operation gets this by being an operation.
 */
public class QueryParameterGuard {

    /** Longest query string accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 4096;

    private final Map<Method, Map<String, Boolean>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new RegistryException.BadRequest("The query string is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        Method method = resource.getResourceMethod();
        if (method == null || query == null) {
            return;
        }
        Map<String, Boolean> allowed = declared.computeIfAbsent(method, QueryParameterGuard::declaredBy);
        List<FieldError> errors = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            Boolean repeatable = allowed.get(name);
            if (repeatable == null) {
                errors.add(new FieldError(name, "unknown query parameter"));
            } else if (!repeatable && values.size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
            }
        });
        if (!errors.isEmpty()) {
            String known = allowed.isEmpty() ? "none" : String.join(", ", allowed.keySet().stream().sorted().toList());
            throw new RegistryException.BadRequest("Query parameters not understood here: "
                    + String.join(", ", errors.stream().map(FieldError::pointer).toList()) + " (accepted: " + known + ")", errors);
        }
    }

    /** Parameter name to whether it may repeat, from @QueryParam on the method and on its @BeanParam fields. */
    private static Map<String, Boolean> declaredBy(Method method) {
        Map<String, Boolean> names = new HashMap<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.put(query.value(), Collection.class.isAssignableFrom(parameter.getType()));
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            names.put(fieldQuery.value(), Collection.class.isAssignableFrom(field.getType()));
                        }
                    }
                }
            }
        }
        return Map.copyOf(names);
    }
}
