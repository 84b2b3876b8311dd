package io.pactwire.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as news prints them: "January 16, 2018", "Jan. 16, 2018", "16 January 2018", "16. Januar 2018",
 * "2018-01-16", and all-numeric dates such as "08-10-2025", "08.10.2025" or "08/10/2025", whose order
 * of day and month cannot be told from the text: it is {@link Order#DAY_MONTH_YEAR} unless configured
 * ({@code ingest.date.order}). A numeric date that is only valid in the other order (13-25 as the first
 * number with the month-first order, for instance) is read in the only order that makes a date.
 */
public final class Dates {
    /** The order of an all-numeric date. */
    public enum Order {
        DAY_MONTH_YEAR, MONTH_DAY_YEAR;

        /** The value of {@code ingest.date.order}: {@code DMY} or {@code MDY}. */
        public static Order of(String setting) {
            return switch (setting.strip().toUpperCase(Locale.ROOT)) {
                case "DMY" -> DAY_MONTH_YEAR;
                case "MDY" -> MONTH_DAY_YEAR;
                default -> throw new IllegalArgumentException("date order must be DMY or MDY, got " + setting);
            };
        }
    }

    static final String MONTH = "(?:Jan(?:uary|uar)?|J[äa]n(?:ner)?|janvier|Feb(?:ruary|ruar)?|f[ée]vrier|M[äa]r(?:ch|z)?|mars"
            + "|Apr(?:il)?|avril|May|Mai|June?|Juni|juin|July?|Juli|juillet|Aug(?:ust)?|ao[ûu]t"
            + "|Sep(?:t(?:ember)?)?|septembre|O[ck]t(?:ober)?|octobre|Nov(?:ember)?|novembre|De[cz](?:ember)?|d[ée]cembre)\\.?";
    /** A date in one of the supported forms, for use inside larger patterns. */
    public static final String DATE = "(?:" + MONTH + "\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\.?\\s+" + MONTH + ",?\\s+\\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{4})";

    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(" + MONTH + ")\\s+(\\d{1,2}),?\\s+(\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\.?\\s+(" + MONTH + "),?\\s+(\\d{4})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("jän", 1), Map.entry("feb", 2), Map.entry("fév", 2), Map.entry("fev", 2),
            Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("apr", 4), Map.entry("avr", 4), Map.entry("may", 5),
            Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jui", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("aoû", 8), Map.entry("aou", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("okt", 10),
            Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12), Map.entry("déc", 12));

    private final Order order;

    public Dates(Order order) {
        this.order = order;
    }

    /** Day first, the order of most of the world's news (and of the seeds' "08-10-2025"). */
    public static Dates dayFirst() {
        return new Dates(Order.DAY_MONTH_YEAR);
    }

    public Order order() {
        return order;
    }

    /** The date a whole string denotes, if it is one of the supported forms and a real calendar date. */
    public Optional<LocalDate> parse(String text) {
        String s = text.strip();
        try {
            Matcher m = MONTH_DAY_YEAR.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))));
            }
            m = DAY_MONTH_YEAR.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = NUMERIC.matcher(s);
            if (m.matches()) {
                return numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            }
        } catch (DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<LocalDate> numeric(int first, int second, int year) {
        boolean dayFirst = order == Order.DAY_MONTH_YEAR;
        if (dayFirst && second > 12 && first <= 12) {
            dayFirst = false;
        } else if (!dayFirst && first > 12 && second <= 12) {
            dayFirst = true;
        }
        int day = dayFirst ? first : second;
        int month = dayFirst ? second : first;
        return Optional.of(LocalDate.of(year, month, day));
    }

    private static Integer month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("juil") ? Integer.valueOf(7) : MONTHS.get(lower.substring(0, 3));
    }
}
