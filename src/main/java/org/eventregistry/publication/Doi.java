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
import java.util.Locale;
import java.util.regex.Pattern;

/** A DOI (10.prefix/suffix), optionally written as doi:... or https://doi.org/...; stored bare and lower-case. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Doi.Check.class)
public @interface Doi {
    String message() default "must be a DOI such as 10.1000/xyz123";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null (absent) and syntactically valid DOIs. */
    class Check implements ConstraintValidator<Doi, String> {
        private static final Pattern FORM = Pattern.compile("^10\\.\\d{4,9}(\\.\\d+)*/[^\\s]{1,180}$");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FORM.matcher(bare(value)).matches();
        }

        /** The DOI without a resolver prefix, lower-cased (DOIs are case-insensitive). */
        public static String bare(String value) {
            String doi = value.strip();
            for (String prefix : new String[]{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"}) {
                if (doi.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    doi = doi.substring(prefix.length());
                    break;
                }
            }
            return doi.toLowerCase(Locale.ROOT);
        }
    }
}
