package org.eventregistry.speaker;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ORCID iD (0000-0002-1825-0097, optionally as an https://orcid.org/ URL) whose ISO 7064 11,2 check digit is right. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Orcid.Check.class)
public @interface Orcid {
    String message() default "must be an ORCID iD such as 0000-0002-1825-0097 with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    Pattern FORM = Pattern.compile("^(?:https?://orcid\\.org/)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])$");

    /** Accepts null (absent) and iDs with a correct check digit. */
    class Check implements ConstraintValidator<Orcid, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || bare(value) != null;
        }

        /** The bare iD of a valid ORCID (URL form stripped), or null when invalid. */
        public static String bare(String value) {
            Matcher m = FORM.matcher(value.strip());
            if (!m.matches()) {
                return null;
            }
            String id = m.group(1);
            String digits = id.replace("-", "");
            int total = 0;
            for (int i = 0; i < 15; i++) {
                total = (total + (digits.charAt(i) - '0')) * 2;
            }
            int result = (12 - total % 11) % 11;
            char check = result == 10 ? 'X' : (char) ('0' + result);
            return digits.charAt(15) == check ? id : null;
        }
    }
}
