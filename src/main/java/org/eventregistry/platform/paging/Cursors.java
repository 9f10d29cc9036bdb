package org.eventregistry.platform.paging;

import org.eventregistry.platform.config.InstanceSecrets;
import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;
import org.eventregistry.platform.http.QueryValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque list cursors: the position of the last row of a page (its sort values and id), bound to
 * the sort and filters that produced it, and signed so that a tampered cursor is refused.
 */
@ApplicationScoped
public class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private record Payload(String s, String f, List<String> v) {
    }

    private final ObjectMapper json;
    private final InstanceSecrets secrets;

    public Cursors(ObjectMapper json, InstanceSecrets secrets) {
        this.json = json;
        this.secrets = secrets;
    }

    /** The cursor after a row whose sort values (in {@code sort} order, id last) are {@code values}. */
    public String encode(Sort sort, String filters, List<Object> values) {
        List<String> texts = values.stream().map(Cursors::text).toList();
        try {
            byte[] payload = json.writeValueAsBytes(new Payload(sort.canonical(), filters, texts));
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cursor payload cannot be written", e);
        }
    }

    /** The typed sort values a cursor carries; a 400 for a cursor that was altered or belongs to another query. */
    public List<Object> decode(String cursor, Sort sort, String filters) {
        Payload payload = verify(cursor);
        if (!payload.s().equals(sort.canonical()) || !payload.f().equals(filters)) {
            throw invalid("The cursor belongs to a list with other filters or another sort; start again without a cursor");
        }
        if (payload.v() == null || payload.v().size() != sort.orders().size()) {
            throw invalid("The cursor is not valid");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < payload.v().size(); i++) {
            values.add(typed(payload.v().get(i), sort.orders().get(i).key()));
        }
        return values;
    }

    private Payload verify(String cursor) {
        int dot = cursor.indexOf('.');
        if (dot < 1) {
            throw invalid("The cursor is not valid");
        }
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid("The cursor is not valid: it was altered");
            }
            return json.readValue(payload, Payload.class);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid("The cursor is not valid");
        }
    }

    /** A cursor for lists ordered by relevance: how many results came before, bound to the query that made it. */
    public String encodeOffset(String filters, int offset) {
        try {
            byte[] payload = json.writeValueAsBytes(new Payload("offset", fingerprint(filters), List.of(Integer.toString(offset))));
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cursor payload cannot be written", e);
        }
    }

    /** The offset a cursor from {@link #encodeOffset} carries; a 400 for a cursor altered or made for another query. */
    public int decodeOffset(String cursor, String filters) {
        Payload payload = verify(cursor);
        if (!payload.s().equals("offset") || !payload.f().equals(fingerprint(filters)) || payload.v().size() != 1) {
            throw invalid("The cursor belongs to another query; start again without a cursor");
        }
        try {
            return Integer.parseInt(payload.v().get(0));
        } catch (NumberFormatException e) {
            throw invalid("The cursor is not valid");
        }
    }

    /** A signed cursor naming a position in a numbered stream (the change log). */
    public String encodePosition(long position) {
        byte[] payload = ("p:" + position).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The position a cursor from {@link #encodePosition} names; a 400 for one that was altered. */
    public long decodePosition(String cursor, String param) {
        int dot = cursor.indexOf('.');
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            String text = new String(payload, StandardCharsets.UTF_8);
            if (dot < 1 || !MessageDigest.isEqual(signature, sign(payload)) || !text.startsWith("p:")) {
                throw new IllegalArgumentException("bad cursor");
            }
            return Long.parseLong(text.substring(2));
        } catch (IllegalArgumentException e) {
            throw QueryValues.bad(param, "is not a cursor this registry made");
        }
    }

    /** A fingerprint of the filters of a list request, so a cursor cannot be replayed against another query. */
    public static String fingerprint(String canonicalFilters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalFilters.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.cursorKey(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Object typed(String text, SortKey key) {
        if (text == null) {
            if (key.nullable()) {
                return null;
            }
            throw invalid("The cursor is not valid");
        }
        try {
            return switch (key.kind()) {
                case INSTANT -> Instant.parse(text);
                case DATE -> LocalDate.parse(text);
                case TEXT -> text;
            };
        } catch (RuntimeException e) {
            throw invalid("The cursor is not valid");
        }
    }

    private static RegistryException.BadRequest invalid(String detail) {
        return new RegistryException.BadRequest(detail, List.of(new FieldError("cursor", detail)));
    }
}
