package org.eventregistry.publication;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date to the precision known: a year (2025), a month (2025-06) or a day (2025-06-05).
 * Stored as the first day of the period with its precision, so it sorts and filters as a date.
 */
public record PublishedDate(LocalDate first, Precision precision) {

    /** How much of the date is known. */
    public enum Precision {
        YEAR, MONTH, DAY
    }

    private static final Pattern FORM = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$");

    /** The date a text names, or empty when it is not a real date in one of the three forms (2025-02-30 is not). */
    public static Optional<PublishedDate> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return Optional.of(new PublishedDate(LocalDate.of(year, 1, 1), Precision.YEAR));
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                return Optional.of(new PublishedDate(YearMonth.of(year, month).atDay(1), Precision.MONTH));
            }
            return Optional.of(new PublishedDate(LocalDate.of(year, month, Integer.parseInt(m.group(3))), Precision.DAY));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The last day of the period, for inclusive upper bounds of filters. */
    public LocalDate last() {
        return switch (precision) {
            case YEAR -> first.withDayOfYear(first.lengthOfYear());
            case MONTH -> YearMonth.from(first).atEndOfMonth();
            case DAY -> first;
        };
    }

    @Override
    public String toString() {
        return switch (precision) {
            case YEAR -> String.format("%04d", first.getYear());
            case MONTH -> String.format("%04d-%02d", first.getYear(), first.getMonthValue());
            case DAY -> first.toString();
        };
    }
}
