package org.eventregistry.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path of the API answers, read from the resource classes' JAX-RS annotations, so that a method a
 * path does not offer is a 405 with an {@code Allow} header naming those it does (also on sub-resources, where the
 * router alone answers 404), and OPTIONS names the methods of the path, not of its whole resource class.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(String template, Pattern pattern, int literals, Set<String> methods) {
    }

    private final BeanManager beans;
    private volatile List<Route> routes;

    public AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The methods the path answers (with HEAD beside GET, and OPTIONS), or empty when no resource has the path. */
    public Optional<Set<String>> of(String path) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        return routes().stream().filter(r -> r.pattern().matcher(absolute).matches())
                .max(Comparator.comparingInt(Route::literals)).map(Route::methods);
    }

    /** The Allow header's value for a set of methods. */
    public static String header(Set<String> methods) {
        return String.join(", ", methods);
    }

    /** OPTIONS that is not a CORS preflight: 204 with the methods of this path. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> options(ContainerRequestContext request) {
        if (!request.getMethod().equals("OPTIONS") || request.getHeaderString("Access-Control-Request-Method") != null) {
            return Optional.empty();
        }
        return of(request.getUriInfo().getPath()).map(methods -> Response.noContent().header("Allow", header(methods)).build());
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan();
            routes = known;
        }
        return known;
    }

    private List<Route> scan() {
        Map<String, Set<String>> methods = new TreeMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = join(root.value(), sub == null ? "" : sub.value());
                methods.computeIfAbsent(template, t -> new TreeSet<>()).add(verb);
            }
        }
        List<Route> result = new ArrayList<>();
        methods.forEach((template, verbs) -> {
            Set<String> allowed = new TreeSet<>(verbs);
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            StringBuilder regex = new StringBuilder("^");
            int literals = 0;
            for (String segment : template.substring(1).split("/")) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            result.add(new Route(template, Pattern.compile(regex.append("/?$").toString()), literals, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(allowed))));
        });
        return List.copyOf(result);
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
