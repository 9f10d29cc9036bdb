package org.eventregistry.platform.validation;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Runs Bean Validation on request bodies and reports each violation as a JSON Pointer into the body. */
@ApplicationScoped
public class Validation {

    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    /** Throws {@link RegistryException.Invalid} naming every field at fault, or returns quietly. */
    public void check(Object body) {
        if (body == null) {
            throw new RegistryException.BadRequest("The body must be a JSON object; it was empty or null");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(pointerOf(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::detail))
                    .toList();
            throw new RegistryException.Invalid(errors);
        }
    }

    public static String pointerOf(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.isInIterable() && node.getKey() != null) {
                pointer.append('/').append(node.getKey());
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                pointer.append('/').append(name);
            }
        }
        return pointer.toString();
    }

    /**
     * An error when the time's year (in its own offset or in UTC) is outside 0001 to 9999: such dates have no
     * place in iCalendar, feeds or the databases' date types.
     */
    public static Optional<FieldError> yearInRange(OffsetDateTime at, String pointer) {
        if (at == null) {
            return Optional.empty();
        }
        int local = at.getYear();
        int utc = at.withOffsetSameInstant(ZoneOffset.UTC).getYear();
        return local < 1 || local > 9999 || utc < 1 || utc > 9999
                ? Optional.of(new FieldError(pointer, "must be in the years 0001 to 9999")) : Optional.empty();
    }
}
