package org.eventregistry.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.http.Versions;
import org.eventregistry.platform.paging.Lists;
import org.eventregistry.platform.paging.Page;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers kept rendered by the change-log position the caller's view sees, so that the busiest reads (one record, a
 * page of a list, a whole feed) are built once per change rather than once per request. A key names the view (public,
 * private fields, staff), the position (the public change log, or the write counter for staff, which moves with
 * drafts too) and the request's URL: the next change the caller may see makes new keys, so nothing kept is ever
 * stale, on one instance or several, and no write has to remember what to evict. Bounded by size in memory.
 */
@ApplicationScoped
public class Answers {

    /**
     * A rendered answer and, for a record, its validators ({@code changed} is null for composed views, tagged by
     * content); for a list page, the Link to the next page.
     */
    public record Kept(String body, EntityTag tag, Instant changed, String link) {
    }

    private final Freshness freshness;
    private final ObjectMapper json;
    private final Cache<String, Kept> kept;

    public Answers(Freshness freshness, ObjectMapper json, RegistryConfig config) {
        this.freshness = freshness;
        this.json = json;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(config.answerCacheBytes())
                .weigher((String key, Kept k) -> 2 * (key.length() + k.body().length()
                        + (k.link() == null ? 0 : k.link().length())) + 200)
                .build();
    }

    /**
     * One record's answer, kept under the caller's view, the position it sees and the URL; {@code read} builds it
     * (and throws for a record that is not there, which is never kept). A 304 when the request already has it.
     */
    public Response record(UriInfo uri, Request request, Supplier<Kept> read) {
        Kept answer = kept.get(freshness.position() + "|" + uri.getRequestUri(), ignored -> read.get());
        return answer.changed() == null
                ? Versions.readComposed(request, answer.tag(), answer.body())
                : Versions.read(request, answer.tag(), answer.changed(), answer.body());
    }

    /** A record's answer, tagged by its version. */
    public Kept version(Object view, EntityTag tag, Instant changed) {
        return new Kept(write(view), tag, changed, null);
    }

    /** A composed view's answer (a record with what it embeds), tagged by its content. */
    public Kept composed(Object view, EntityTag tag) {
        return new Kept(write(view), tag, null, null);
    }

    /**
     * A page of a {@link Revalidated} list, kept under the version its filter read ({@link Revalidation}); rendered
     * afresh when there is none.
     */
    public Response page(Optional<Freshness.Version> version, UriInfo uri, Supplier<Page<?>> read) {
        Supplier<Kept> render = () -> {
            Page<?> page = read.get();
            return new Kept(write(page), null, null, Lists.next(page, uri));
        };
        Kept answer = kept(version, render);
        Response.ResponseBuilder response = Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE);
        if (answer.link() != null) {
            response.header("Link", answer.link());
        }
        return response.build();
    }

    /** A rendered text of a {@link Revalidated} operation (a whole feed), kept under its version like a page. */
    public String text(Optional<Freshness.Version> version, Supplier<String> render) {
        return kept(version, () -> new Kept(render.get(), null, null, null)).body();
    }

    /**
     * An answer kept under the request's version (view, change position, clock and URL) only when {@code keep} accepts
     * what {@code read} made: a search is kept when it ran on an index that held every write before it, never when
     * the index was still behind (another request under the same version must see those writes).
     */
    public <T> Response json(Freshness.Version version, Supplier<T> read, Predicate<T> keep) {
        Kept answer = kept.getIfPresent(version.key());
        if (answer == null) {
            T value = read.get();
            answer = new Kept(write(value), null, null, null);
            if (keep.test(value)) {
                kept.put(version.key(), answer);
            }
        }
        return Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The answer kept under the version, rendered once when there is none; rendered afresh without a version. */
    private Kept kept(Optional<Freshness.Version> version, Supplier<Kept> render) {
        return version.map(v -> kept.get(v.key(), ignored -> render.get())).orElseGet(render);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer cannot be written as JSON", e);
        }
    }
}
