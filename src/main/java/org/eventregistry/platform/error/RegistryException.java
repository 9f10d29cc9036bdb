package org.eventregistry.platform.error;

import java.util.List;
import java.util.Map;

/** A failure the caller can fix, thrown by services and turned into problem+json by {@link ProblemMapper}. */
public abstract class RegistryException extends RuntimeException {

    private final List<FieldError> errors;

    protected RegistryException(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    protected RegistryException(String detail) {
        this(detail, List.of());
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Headers the answer must carry, such as WWW-Authenticate or Retry-After. */
    public Map<String, String> headers() {
        return Map.of();
    }

    /** No credentials, or credentials that are unknown, expired or revoked. */
    public static final class Unauthorized extends RegistryException {
        private final String challenge;

        public Unauthorized(String detail, String challenge) {
            super(detail);
            this.challenge = challenge;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("WWW-Authenticate", challenge);
        }
    }

    /** Valid credentials whose role is too low for the operation. */
    public static final class Forbidden extends RegistryException {
        public Forbidden(String detail) {
            super(detail);
        }
    }

    /** The caller spent its request budget; the headers say when it refills. */
    public static final class TooManyRequests extends RegistryException {
        private final Map<String, String> headers;

        public TooManyRequests(String detail, Map<String, String> headers) {
            super(detail);
            this.headers = Map.copyOf(headers);
        }

        @Override
        public Map<String, String> headers() {
            return headers;
        }
    }

    /** The record named in the URL does not exist (or the caller may not know that it does). */
    public static final class NotFound extends RegistryException {
        public NotFound(String detail) {
            super(detail);
        }
    }

    /** The write clashes with the current state, such as a slug already in use. */
    public static final class Conflict extends RegistryException {
        public Conflict(String detail) {
            super(detail);
        }

        public Conflict(String detail, List<FieldError> errors) {
            super(detail, errors);
        }
    }

    /** If-Match named a version the record has moved on from. */
    public static final class PreconditionFailed extends RegistryException {
        public PreconditionFailed(String detail) {
            super(detail);
        }
    }

    /** The request itself is malformed: a bad query parameter, cursor or header. */
    public static final class BadRequest extends RegistryException {
        public BadRequest(String detail) {
            super(detail);
        }

        public BadRequest(String detail, List<FieldError> errors) {
            super(detail, errors);
        }
    }

    /** The body is well-formed JSON but breaks the rules of the record. */
    public static final class Invalid extends RegistryException {
        public Invalid(List<FieldError> errors) {
            super(errors.size() == 1 ? errors.get(0).detail() : errors.size() + " fields are invalid", errors);
        }

        public Invalid(String pointer, String detail) {
            this(List.of(new FieldError(pointer, detail)));
        }
    }

    /** What the request asks for is gone for good, such as changes past the retention. */
    public static final class Gone extends RegistryException {
        public Gone(String detail) {
            super(detail);
        }
    }

    /** The body is larger than the service accepts. */
    public static final class PayloadTooLarge extends RegistryException {
        public PayloadTooLarge(String detail) {
            super(detail);
        }
    }

    /** The service cannot answer now (it lost a race too often, or a dependency is down); the caller may retry. */
    public static final class ServiceUnavailable extends RegistryException {
        private final long retryAfterSeconds;

        public ServiceUnavailable(String detail, long retryAfterSeconds) {
            super(detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", Long.toString(retryAfterSeconds));
        }
    }

    /** None of the representations the caller accepts can be made. */
    public static final class NotAcceptable extends RegistryException {
        public NotAcceptable(String detail) {
            super(detail);
        }
    }
}
