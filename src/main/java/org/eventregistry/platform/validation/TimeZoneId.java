package org.eventregistry.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An IANA time-zone id such as Europe/Belgrade: one that calendars can show. The JDK also knows the old
 * SystemV/* ids (which iCalendar writers cannot describe) and ids that libraries register for themselves.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Check.class)
public @interface TimeZoneId {
    String message() default "must be an IANA time-zone id such as Europe/Belgrade";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Accepts null (absent) and the region ids of the tz database, SystemV/* and library-made ids excepted.
     * {@link ZoneId#getAvailableZoneIds()} copies its 600 ids into a new set on every call (a seventh of what a POST
     * allocated), so the ids are kept; one that is not among them is looked up again, in case it was registered since.
     */
    class Check implements ConstraintValidator<TimeZoneId, String> {
        private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9/_+-]*");
        private static volatile Set<String> known = Set.copyOf(ZoneId.getAvailableZoneIds());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (!value.startsWith("SystemV/") && SHAPE.matcher(value).matches() && isKnown(value));
        }

        private static boolean isKnown(String id) {
            if (known.contains(id)) {
                return true;
            }
            Set<String> now = ZoneId.getAvailableZoneIds();
            if (now.size() != known.size()) {
                known = Set.copyOf(now);
            }
            return now.contains(id);
        }
    }
}
