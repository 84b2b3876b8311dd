package io.pactwire.tagger;

import io.pactwire.model.TextField;
import io.pactwire.text.DateGrammar;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dateline of a story: "NEW YORK, March 3 -", "Luxembourg, January 16, 2018",
 * "RAMSEY, N.J., March 18 -", "TBILISI, 12 May —". It is the article's dateline field, or the start of
 * the body when the extraction left it there. Its place is resolved strictly: a qualifier after a comma
 * (a state, province or country) decides, else the place itself must be a country or a city whose name
 * no similar city elsewhere shares; an unknown place gives no country.
 */
final class Datelines {
    /** "Luxembourg, January 16, 2018 –", "LONDON, March 3 (Reuters) -": a place, a date, then a dash. */
    private static final Pattern BODY_DATED = DateGrammar.DATED_DATELINE;
    /** "NEW YORK (Reuters) -", "TBILISI, Georgia -": a place in capitals, then a dash. */
    private static final Pattern BODY_CAPS = DateGrammar.CAPITALS_DATELINE;
    private static final Pattern LEADING_DATE = Pattern.compile("^\\s*" + DateGrammar.DATELINE_DATE);
    /**
     * A matcher of {@link #LEADING_DATE} per thread, reset for each dateline: a new matcher per article
     * was the largest allocation of the tagger after its results.
     */
    private static final ThreadLocal<Matcher> LEADING_DATE_MATCHER = ThreadLocal.withInitial(() -> LEADING_DATE.matcher(""));
    /**
     * Spaces and dashes ending a place. Compiled once: {@code String.replaceAll} compiled it for every
     * dateline, which the profile showed as a tenth of the tagging time with the date regexes below.
     */
    private static final Pattern TRAILING_DASHES = Pattern.compile("[\\s\\-–—]+$");
    private static final int BODY_PREFIX = 160;

    /**
     * A resolved dateline.
     *
     * @param field where the place is: DATELINE, or BODY for a dateline the body opens with
     * @param code  the country, or null when the place is unknown
     * @param date  the date when the dateline gives day, month and year, else null
     */
    record Dateline(TextField field, int start, int end, String place, String code, LocalDate date) {
    }

    private final Gazetteer gazetteer;

    Datelines(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The dateline of an article, if it has one. */
    Optional<Dateline> find(ArticleText article) {
        if (!article.dateline().isBlank()) {
            return Optional.of(fromDatelineField(article.dateline()));
        }
        String body = article.body();
        String prefix = body.substring(0, Math.min(body.length(), BODY_PREFIX));
        Matcher m = BODY_DATED.matcher(prefix);
        if (!m.find()) {
            m = BODY_CAPS.matcher(prefix);
            if (!m.find()) {
                return Optional.empty();
            }
        }
        String code = resolve(m.group("place"), m.group("qualifier"));
        if (code == null) {
            return Optional.empty(); // a capitalised lead that is no place we know is no dateline
        }
        return Optional.of(new Dateline(TextField.BODY, m.start("place"), m.end("place"), m.group("place"), code,
                date(prefix.substring(0, m.end()))));
    }

    private Dateline fromDatelineField(String text) {
        int comma = text.indexOf(',');
        int placeEnd = comma < 0 ? text.length() : comma;
        String place = text.substring(0, placeEnd);
        int paren = place.indexOf('(');
        if (paren > 0) {
            place = place.substring(0, paren);
        }
        place = stripTrailingDashes(place);
        int start = 0;
        while (start < place.length() && Character.isWhitespace(place.charAt(start))) {
            start++;
        }
        String qualifier = null;
        if (comma >= 0) {
            int next = text.indexOf(',', comma + 1);
            String second = text.substring(comma + 1, next < 0 ? text.length() : next).strip();
            if (!second.isEmpty() && !LEADING_DATE_MATCHER.get().reset(second).find() && Character.isLetter(second.charAt(0))) {
                qualifier = stripTrailingDashes(second);
            }
        }
        String code = resolve(place, qualifier);
        return new Dateline(TextField.DATELINE, start, start + place.strip().length(), place.strip(), code, date(text));
    }

    /** {@code text} without the spaces and dashes it ends with. */
    private static String stripTrailingDashes(String text) {
        if (!text.isEmpty()) {
            char last = text.charAt(text.length() - 1);
            if (Character.isLetterOrDigit(last) || last == '.') {
                return text; // nothing to strip: most places end with a letter, and the regex costs more than this test
            }
        }
        return TRAILING_DASHES.matcher(text).replaceAll("");
    }

    private String resolve(String place, String qualifier) {
        if (qualifier != null) {
            String code = gazetteer.qualifiers.get(Fold.key(qualifier));
            if (code != null) {
                return code;
            }
        }
        return gazetteer.places.get(Fold.key(place));
    }

    /** The date a dateline or sentence gives, when it has a year; numeric dates are read day first. */
    static LocalDate date(String text) {
        if (!hasYear(text, 0, text.length())) {
            return null; // most datelines give no year ("NEW YORK, Feb 26 -"): no need to run the regexes
        }
        return DateGrammar.dayFirst().find(text).orElse(null);
    }

    /**
     * Whether {@code text[from, to)} has four digits in a row: without them no date of {@link #date}
     * has a year, so it is null.
     */
    static boolean hasYear(CharSequence text, int from, int to) {
        int run = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run == 4) {
                return true;
            }
        }
        return false;
    }

    static Pattern datePattern() {
        return Pattern.compile("\\b" + DateGrammar.DATELINE_DATE + "\\b");
    }
}
