package org.eventregistry.publication;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISBN-10 or ISBN-13, hyphens and spaces allowed, whose check digit is right; stored as its 13 digits. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Isbn.Check.class)
public @interface Isbn {
    String message() default "must be an ISBN-10 or ISBN-13 with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null (absent) and ISBNs with a correct check digit. */
    class Check implements ConstraintValidator<Isbn, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isbn13(value) != null;
        }

        /** The ISBN-13 digits of a valid ISBN-10 or ISBN-13, or null when invalid. */
        public static String isbn13(String value) {
            String s = value.replace("-", "").replace(" ", "").toUpperCase();
            if (s.matches("\\d{9}[\\dX]")) {
                int sum = 0;
                for (int i = 0; i < 10; i++) {
                    int digit = s.charAt(i) == 'X' ? 10 : s.charAt(i) - '0';
                    sum += digit * (10 - i);
                }
                if (sum % 11 != 0 || s.indexOf('X') >= 0 && s.indexOf('X') != 9) {
                    return null;
                }
                String body = "978" + s.substring(0, 9);
                return body + check13(body);
            }
            if (s.matches("\\d{13}")) {
                return s.charAt(12) - '0' == check13(s.substring(0, 12)) ? s : null;
            }
            return null;
        }

        private static int check13(String twelve) {
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            return (10 - sum % 10) % 10;
        }
    }
}
