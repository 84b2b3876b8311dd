package io.pactwire.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of dates and datelines as news prints them, shared by ingest (which takes a dateline out of
 * the body and reads the publication date from it) and the tagger (which places a story by its dateline and
 * dates an agreement by its sentence). Plain Java, no Kafka: the tagger uses it through {@code model}.
 * <ul>
 *   <li>Dates with a month's name or abbreviation in English, German or French, in any letter case: "January
 *       16, 2018", "Jan. 16, 2018", "Sept 3 2019", "16 January 2018", "14 February, 2018", "16. Januar 2018",
 *       "3 mars 2019", "14 juillet 2020", "12 Mai 2021"; in a dateline the year may be left out ("March 3",
 *       "12 May").</li>
 *   <li>ISO dates, "2018-01-16", and all-numeric dates, "08-10-2025", "08.10.2025", "08/10/2025", whose order
 *       of day and month cannot be told from the text: day first unless the grammar is {@link #monthFirst()}. A
 *       numeric date that is only valid in the other order (13 as the first number, month first) is read in the
 *       only order that makes a date.</li>
 *   <li>Datelines: a place, an optional qualifier (a state, province or country), a date, an optional agency
 *       and a dash: "Luxembourg, January 16, 2018 –", "RAMSEY, N.J., March 18 -", "LONDON, March 3 (Reuters) -";
 *       and a place in capitals with no date: "NEW YORK (Reuters) -", "TBILISI, Georgia —".</li>
 * </ul>
 * The patterns are public so that a caller can embed them in its own ({@link #DATE}, {@link #DATELINE_DATE});
 * the dateline patterns name their groups {@code where} (place and qualifier), {@code place}, {@code qualifier},
 * {@code date} and {@code agency}.
 */
public final class DateGrammar {
    /**
     * A month's name or abbreviation, English, German or French, with an optional period; case-insensitive
     * wherever it is embedded. The names are grouped by their first letters (jan|jän|jun|jul under j, ...): one
     * alternative per letter is tried where a flat list tried thirty, which halved the time of a search for dates
     * over a whole text.
     */
    public static final String MONTH = "(?iu:j(?:an(?:uary|uar|vier|ner)?|än(?:ner)?|u(?:ne?|ni|in|ly?|li|illet))"
            + "|f(?:eb(?:ruary|ruar)?|[ée]vrier)|m(?:[äa]r(?:ch|z|s)?|a[yi])|a(?:pr(?:il)?|vril|ug(?:ust)?|o[ûu]t)"
            + "|sep(?:t(?:ember|embre)?)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|d(?:e[cz](?:ember)?|[ée]cembre))\\.?";
    /** A full date, with its year, in one of the forms above. */
    public static final String DATE = "(?:" + MONTH + "\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\.?\\s+" + MONTH + ",?\\s+\\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{4})";
    /** The date of a dateline: a full date, or a day and month without the year ("March 3", "12 May"). */
    public static final String DATELINE_DATE = "(?:" + MONTH + "\\s+\\d{1,2}(?:,?\\s+\\d{4})?"
            + "|\\d{1,2}\\.?\\s+" + MONTH + "(?:,?\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{4})";

    /** A dateline's place: a capital, then letters, periods, apostrophes, spaces and hyphens. */
    private static final String PLACE = "\\p{Lu}[\\p{L}.'’ -]{1,60}?";
    /** What may follow the place after a comma: a state, province or country. */
    private static final String QUALIFIER = "\\p{Lu}[\\p{L}.'’ -]{1,40}?";
    /** The agency a wire story names before its dash: "(Reuters)". */
    private static final String AGENCY = "\\([^)\\n]{1,30}\\)";
    /**
     * The dash ending a dateline, not followed by a digit: "March 3-5" is a span of days, and "2018-2019" a span
     * of years, not a dateline's end.
     */
    private static final String DASH = "[-–—]+(?!\\d)\\s*";

    /**
     * A dateline with a date, at the start of a text: "Luxembourg, January 16, 2018 – ", "RAMSEY, N.J., March 18
     * - ", "LONDON, March 3 (Reuters) - ".
     */
    public static final Pattern DATED_DATELINE = Pattern.compile("^\\s*(?<where>(?<place>" + PLACE + ")(?:,\\s*(?<qualifier>"
            + QUALIFIER + "))?),\\s*(?<date>" + DATELINE_DATE + ")\\s*(?:(?<agency>" + AGENCY + ")\\s*)?" + DASH);
    /**
     * A dateline without a date, at the start of a text: a place in capitals, an optional qualifier and agency,
     * then a dash and a space: "NEW YORK (Reuters) - ", "TBILISI, Georgia — ".
     */
    public static final Pattern CAPITALS_DATELINE = Pattern.compile("^\\s*(?<where>(?<place>\\p{Lu}[\\p{Lu}.'’ -]{1,40}?)"
            + "(?:,\\s*(?<qualifier>\\p{Lu}[\\p{L}.' ]{1,25}?))?)\\s*(?:(?<agency>" + AGENCY + ")\\s*)?[-–—]{1,2}\\s");

    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b(" + MONTH + ")\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\.?\\s+(" + MONTH + ")(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.\\-/])(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})(?![\\d.\\-/]?\\d)");
    /** Months by the first three letters of their names, lower case; "juil(let)" is July apart from "juin". */
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("jän", 1), Map.entry("feb", 2), Map.entry("fév", 2), Map.entry("fev", 2),
            Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("apr", 4), Map.entry("avr", 4), Map.entry("may", 5),
            Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jui", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("aoû", 8), Map.entry("aou", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("okt", 10),
            Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12), Map.entry("déc", 12));

    private static final DateGrammar DAY_FIRST = new DateGrammar(true);
    private static final DateGrammar MONTH_FIRST = new DateGrammar(false);

    private final boolean dayFirst;

    private DateGrammar(boolean dayFirst) {
        this.dayFirst = dayFirst;
    }

    /** Numeric dates read day first: the order of most of the world's news. */
    public static DateGrammar dayFirst() {
        return DAY_FIRST;
    }

    /** Numeric dates read month first, as news in the United States prints them. */
    public static DateGrammar monthFirst() {
        return MONTH_FIRST;
    }

    public boolean isDayFirst() {
        return dayFirst;
    }

    /** The date a whole string denotes, if it is a full date of this grammar and a real calendar date. */
    public Optional<LocalDate> parse(String text) {
        String s = text.strip();
        Optional<LocalDate> date = read(MONTH_DAY_YEAR.matcher(s), true);
        if (date == null) {
            date = read(DAY_MONTH_YEAR.matcher(s), true);
        }
        if (date == null) {
            date = read(ISO.matcher(s), true);
        }
        if (date == null) {
            date = read(NUMERIC.matcher(s), true);
        }
        return date == null ? Optional.empty() : date;
    }

    /**
     * The date of the first date in {@code text}, a month's name before its day first, then its day before its name,
     * then an ISO date, then a numeric one; empty when that date has no year or is no calendar date.
     */
    public Optional<LocalDate> find(CharSequence text) {
        Optional<LocalDate> date = read(MONTH_DAY_YEAR.matcher(text), false);
        if (date == null) {
            date = read(DAY_MONTH_YEAR.matcher(text), false);
        }
        if (date == null) {
            date = read(ISO.matcher(text), false);
        }
        if (date == null) {
            date = read(NUMERIC.matcher(text), false);
        }
        return date == null ? Optional.empty() : date;
    }

    /**
     * The date {@code m} matches (the whole text when {@code whole}, else its first match): null when it does not
     * match, empty when the match has no year or is no calendar date.
     */
    private Optional<LocalDate> read(Matcher m, boolean whole) {
        if (!(whole ? m.matches() : m.find())) {
            return null;
        }
        try {
            if (m.pattern() == MONTH_DAY_YEAR) {
                return m.group(3) == null ? Optional.empty()
                        : Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if (m.pattern() == DAY_MONTH_YEAR) {
                return m.group(3) == null ? Optional.empty()
                        : Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))));
            }
            if (m.pattern() == ISO) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            return Optional.of(numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private LocalDate numeric(int first, int second, int year) {
        boolean dayFirst = this.dayFirst;
        if (dayFirst && second > 12 && first <= 12) {
            dayFirst = false;
        } else if (!dayFirst && first > 12 && second <= 12) {
            dayFirst = true;
        }
        return LocalDate.of(year, dayFirst ? second : first, dayFirst ? first : second);
    }

    /** The month (1 to 12) a name of {@link #MONTH} denotes. */
    public static int month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Integer month = lower.startsWith("juil") ? Integer.valueOf(7) : lower.length() < 3 ? null : MONTHS.get(lower.substring(0, 3));
        if (month == null) {
            throw new DateTimeException("not a month: " + name);
        }
        return month;
    }
}
