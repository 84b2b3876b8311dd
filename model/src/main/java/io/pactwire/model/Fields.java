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

    /**
     * A record key: not blank, at most {@code maxChars} characters, no leading or trailing whitespace, and only
     * printable text: no control character (Unicode category Cc: not even tabs or line breaks), no format
     * character (Cf: bidi overrides such as U+202E, zero-width characters), no line or paragraph separator
     * (Zl U+2028, Zp U+2029), no unpaired surrogate, no noncharacter. An id is printed in tables and logs and
     * names the article everywhere: a character that moves, hides or breaks text would forge what people read.
     */
    static String requireId(String field, String value, int maxChars) {
        requireNonBlank(field, value);
        if (value.length() > maxChars) {
            throw new InvalidFieldException(field, "has " + value.length() + " characters, over the limit of " + maxChars);
        }
        for (int i = 0; i < value.length(); i++) {
            String kind = unprintable(value.charAt(i));
            if (kind != null) {
                throw new InvalidFieldException(field, "must not contain the " + kind + " " + codePoint(value.charAt(i))
                        + " (at index " + i + ")");
            }
        }
        if (!value.strip().equals(value)) {
            throw new InvalidFieldException(field, "must not start or end with whitespace, got " + quote(value));
        }
        return requireText(field, value);
    }

    /** What kind of character {@code c} is when ids must not hold it, else null. */
    private static String unprintable(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "control character";
            case Character.FORMAT -> "format character";
            case Character.LINE_SEPARATOR -> "line separator";
            case Character.PARAGRAPH_SEPARATOR -> "paragraph separator";
            default -> null;
        };
    }

    /**
     * Null, or text that any reader can carry: no C0 control character other than the whitespace ones
     * (tab, line feed, vertical tab, form feed, carriage return), no unpaired surrogate (it has no UTF-8
     * form) and no noncharacter U+FFFE or U+FFFF.
     */
    static String requireText(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ' ' && c < Character.MIN_SURROGATE) {
                continue;
            }
            if (c < ' ' && (c < '\t' || c > '\r')) {
                throw new InvalidFieldException(field, "must not contain the control character " + codePoint(c)
                        + " (at index " + i + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidFieldException(field, "must not contain the unpaired surrogate " + codePoint(c)
                        + " (at index " + i + ")");
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                throw new InvalidFieldException(field, "must not contain the noncharacter " + codePoint(c)
                        + " (at index " + i + ")");
            }
        }
        return value;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
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

    /**
     * Null stays null; otherwise an ISO-8601 date or date-time whose year is within {@code minYear} and
     * {@code maxYear}. The window is fixed, not relative to today: a record's validity must not depend on
     * the day it is read, or a replay would dead-letter what was once accepted.
     */
    static String requireIsoDateInYearsOrNull(String field, String value, int minYear, int maxYear) {
        String date = requireIsoDateOrNull(field, value);
        if (date == null) {
            return null;
        }
        int year = isoYear(date);
        if (year < minYear || year > maxYear) {
            throw new InvalidFieldException(field, "must be in the years " + minYear + " to " + maxYear + ", got " + quote(value));
        }
        return date;
    }

    /** The year of an ISO-8601 date or date-time {@link #isIsoDate} accepts. */
    static int isoYear(String value) {
        for (Function<String, ?> form : ISO_FORMS) {
            try {
                Object parsed = form.apply(value);
                return parsed instanceof Instant instant ? instant.atOffset(java.time.ZoneOffset.UTC).getYear()
                        : ((java.time.temporal.TemporalAccessor) parsed).get(java.time.temporal.ChronoField.YEAR);
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        throw new InvalidFieldException("date", "must be an ISO-8601 date or date-time, got " + quote(value));
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
