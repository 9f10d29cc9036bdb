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
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** A well-formed BCP 47 language tag whose language is an ISO 639 code, such as en, sr-Latn or sr-Cyrl-RS. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Check.class)
public @interface LanguageTag {
    String message() default "must be a BCP 47 language tag such as en or sr-Latn";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null (absent) and well-formed tags with a known primary language. */
    class Check implements ConstraintValidator<LanguageTag, String> {
        private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(value).build();
                return LANGUAGES.contains(locale.getLanguage());
            } catch (IllformedLocaleException e) {
                return false;
            }
        }

        /** The canonical spelling of a valid tag (en-gb becomes en-GB), so filters match however it was typed. */
        public static String canonical(String tag) {
            return tag == null ? null : Locale.forLanguageTag(tag).toLanguageTag();
        }
    }
}
