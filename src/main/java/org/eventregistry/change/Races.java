package org.eventregistry.change;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises a write that lost a race in the database, and the answer it gets when it keeps losing: each
 * constraint a racing write can take first has its own problem, naming the field at stake.
 */
final class Races {

    /** A lost race: why, and the answer when retries run out. */
    record Lost(String reason, RegistryException answer) {
    }

    private static final Map<String, Lost> CONSTRAINTS = Map.of(
            "uq_event_slug", slugTaken("event"),
            "uq_speaker_slug", slugTaken("speaker"),
            "uq_publication_slug", slugTaken("publication"),
            "uq_participation", new Lost("uq_participation", new RegistryException.Conflict(
                    "The speaker already has this role in the line-up", List.of(new FieldError("/role", "duplicate role for this speaker")))),
            "uq_publication_author", new Lost("uq_publication_author", new RegistryException.Conflict(
                    "The speaker is already an author of this publication", List.of(new FieldError("/authors", "duplicate author")))),
            "pk_idempotency_record", new Lost("pk_idempotency_record", new RegistryException.Conflict(
                    "Another request with this Idempotency-Key is in progress; retry it shortly")));

    private Races() {
    }

    private static Lost slugTaken(String what) {
        return new Lost("slug of " + what, new RegistryException.Conflict("The slug is taken by another " + what,
                List.of(new FieldError("/slug", "already in use"))));
    }

    /** The lost race behind {@code failure}, or null when it is another kind of failure. */
    static Lost lost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return lost(sql);
            }
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return busy("a concurrent update");
            }
        }
        return null;
    }

    private static Lost lost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        switch (state) {
            case "40001", "40P01" -> {
                return busy("deadlock or serialization failure");
            }
            case "55P03", "HYT00" -> {
                return busy("lock wait timed out");
            }
            case "23505" -> {
                return CONSTRAINTS.entrySet().stream().filter(c -> message.contains(c.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(new Lost("unique key", new RegistryException.Conflict(
                                "A record with the same unique values was written at the same time; retry")));
            }
            case "23503", "23506" -> {
                return new Lost("foreign key", new RegistryException.Conflict(
                        "A record this write refers to was changed or deleted at the same time; fetch it again and retry"));
            }
            default -> {
                return null;
            }
        }
    }

    private static Lost busy(String reason) {
        return new Lost(reason, new RegistryException.ServiceUnavailable(
                "The registry is busy with other writes to the same records; retry shortly", 1));
    }
}
