package org.eventregistry.platform.http;

import org.eventregistry.platform.config.RegistryConfig;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.json.StrictJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a create safe to retry: the first response under an Idempotency-Key is stored with the
 * record in one transaction, and a retry with the same key and body gets that response again.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    /** A created record as answered: where it lives, its entity tag, the JSON body, and whether this is a replay. */
    public record Created(String location, String etag, String body, boolean replayed) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final RegistryConfig config;

    public Idempotency(EntityManager em, ObjectMapper json, RegistryConfig config) {
        this.em = em;
        this.json = json;
        this.config = config;
    }

    /**
     * Runs {@code create} once per key, caller and collection; the caller's transaction holds the record and the
     * stored answer. The caller is kept as a digest, so any name (a long token name, a JWT subject) fits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Created create(String collection, String actor, String key, Object request, Supplier<Created> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || StrictJson.problemIn(key) != null) {
            throw new RegistryException.BadRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible characters",
                    List.of(new FieldError(HEADER, "invalid key")));
        }
        String scope = collection + "|" + digest(actor.getBytes(StandardCharsets.UTF_8));
        String hash = hash(request);
        Instant oldest = Instant.now().minus(config.idempotencyRetention());
        List<?> rows = em.createNativeQuery("""
                        select request_hash, location, etag, body from idempotency_record
                        where scope = :scope and idem_key = :key and created_at > :oldest""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("oldest", oldest)
                .getResultList();
        if (!rows.isEmpty()) {
            Object[] row = (Object[]) rows.get(0);
            if (!row[0].equals(hash)) {
                throw new RegistryException.Invalid(List.of(new FieldError(HEADER,
                        "this Idempotency-Key was used with a different body; use a new key for a new request")));
            }
            return new Created((String) row[1], (String) row[2], (String) row[3], true);
        }
        Created created = create.get();
        // Expired records go (this key's too); a live one, from a racing retry that committed first, makes the
        // insert below fail: the write is run again (see WriteInterceptor) and answers that retry's response.
        em.createNativeQuery("delete from idempotency_record where created_at <= :oldest")
                .setParameter("oldest", oldest)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into idempotency_record (scope, idem_key, request_hash, status, location, etag, body, created_at)
                        values (:scope, :key, :hash, 201, :location, :etag, :body, :now)""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .setParameter("location", created.location()).setParameter("etag", created.etag())
                .setParameter("body", created.body()).setParameter("now", Instant.now())
                .executeUpdate();
        return created;
    }

    private String hash(Object request) {
        try {
            return digest(json.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Request cannot be fingerprinted", e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of a response body, as stored for replays. */
    public String write(Object body) {
        try {
            return new String(json.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response cannot be written", e);
        }
    }
}
