package org.eventregistry.common;

import java.util.List;

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

    /** The body is larger than the service accepts. */
    public static final class PayloadTooLarge extends RegistryException {
        public PayloadTooLarge(String detail) {
            super(detail);
        }
    }
}
