package org.eventregistry.platform.http;

import org.eventregistry.platform.error.FieldError;
import org.eventregistry.platform.error.RegistryException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads query-parameter values (enums, instants, page sizes) and refuses bad ones with a 400 naming the parameter. */
public final class QueryValues {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private QueryValues() {
    }

    public static <E extends Enum<E>> Set<E> enums(String param, List<String> values, Class<E> type) {
        Set<E> result = new LinkedHashSet<>();
        for (String value : split(values)) {
            try {
                result.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                throw bad(param, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return result;
    }

    /** The non-blank values of a repeatable parameter; comma-separated lists are accepted too. */
    public static List<String> split(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.strip());
                    }
                }
            }
        }
        return result;
    }

    public static int limit(String param) {
        return limit(param, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** A page size from 1 to {@code max}, {@code standard} when absent; anything else is a 400. */
    public static int limit(String param, int standard, int max) {
        if (param == null) {
            return standard;
        }
        try {
            int limit = Integer.parseInt(param.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw bad("limit", "must be a whole number from 1 to " + max);
    }

    /**
     * A range bound: {@code now}, {@code today}, a date ({@code 2025-06-05}) or an instant with offset.
     * A date or {@code today} means its first moment as a lower bound and its last moment as an upper bound.
     */
    public static Instant bound(String param, String value, boolean upper, ZoneId zone) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.equals("now")) {
                return Instant.now();
            }
            LocalDate day = text.equals("today") ? LocalDate.now(zone) : text.length() == 10 ? LocalDate.parse(text) : null;
            if (day != null) {
                return upper ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000) : day.atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw bad(param, "must be now, today, a date (2025-06-05) or an instant with offset (2025-06-05T10:00:00+02:00)");
        }
    }

    public static Instant instant(String param, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeException e) {
            throw bad(param, "must be an instant with offset, such as 2025-06-05T10:00:00Z");
        }
    }

    public static RegistryException.BadRequest bad(String param, String detail) {
        return new RegistryException.BadRequest("Query parameter " + param + " " + detail, List.of(new FieldError(param, detail)));
    }
}
