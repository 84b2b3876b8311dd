package io.pactwire.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/** Validation shared by the compact constructors of the event records. */
final class Fields {
    private Fields() {
    }

    static String requireNonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return value;
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "must not be null");
        }
        return value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean isCapitalLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String requireCountryCode(String field, String value) {
        // checked by hand, not with a regex: the tagger builds these records for every country it tags
        if (value == null || value.length() != 2 || !isCapitalLetter(value.charAt(0)) || !isCapitalLetter(value.charAt(1))) {
            throw new InvalidFieldException(field, "must be an ISO 3166-1 alpha-2 code (two capital letters), got " + quote(value));
        }
        return value;
    }

    /** Null stays null; otherwise an ISO-8601 date (2018-01-16) or date-time (2018-01-16T09:30:00Z). */
    static String requireIsoDateOrNull(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (isIsoDate(value)) {
            return value;
        }
        throw new InvalidFieldException(field, "must be an ISO-8601 date or date-time, got " + quote(value));
    }

    /** The ISO-8601 forms a date field accepts, most common first. */
    private static final List<Function<String, ?>> ISO_FORMS = List.of(
            LocalDate::parse, OffsetDateTime::parse, Instant::parse, LocalDateTime::parse);

    static boolean isIsoDate(String value) {
        for (Function<String, ?> form : ISO_FORMS) {
            try {
                form.apply(value);
                return true;
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return false;
    }

    static <T> List<T> copyOrEmpty(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(values);
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
