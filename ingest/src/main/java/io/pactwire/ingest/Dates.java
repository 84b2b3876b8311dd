package io.pactwire.ingest;

import io.pactwire.text.DateGrammar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as news prints them, read by the grammar the tagger reads datelines with ({@link DateGrammar}):
 * "January 16, 2018", "Jan. 16, 2018", "16 January 2018", "16. Januar 2018", "2018-01-16", and all-numeric
 * dates such as "08-10-2025", "08.10.2025" or "08/10/2025", whose order of day and month cannot be told from the text: it is {@link Order#DAY_MONTH_YEAR} unless configured
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

    /** A date in one of the supported forms, for use inside larger patterns. */
    public static final String DATE = DateGrammar.DATE;

    private final Order order;
    private final DateGrammar grammar;

    public Dates(Order order) {
        this.order = order;
        this.grammar = order == Order.DAY_MONTH_YEAR ? DateGrammar.dayFirst() : DateGrammar.monthFirst();
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
        return grammar.parse(text);
    }
}
