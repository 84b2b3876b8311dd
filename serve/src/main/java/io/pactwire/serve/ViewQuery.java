package io.pactwire.serve;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Party;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters and page of an API request, as its query parameters give them; a criterion left null does not
 * filter. The same filters apply to agreements and to articles:
 * <ul>
 *   <li>{@code country}: an agreement with a party of that country; an article that names it;</li>
 *   <li>{@code type}, {@code status}: an agreement of that type and status; an article that reports one;</li>
 *   <li>{@code since}, {@code until} (inclusive dates): an agreement whose date (else its article's publication
 *       date) is in the period; an article published in it. Without a date, an item is left out by either.</li>
 * </ul>
 *
 * @param limit  items per page, 1 to {@link #MAX_LIMIT}
 * @param offset items skipped before the page
 */
public record ViewQuery(String country, AgreementType type, AgreementStatus status, LocalDate since, LocalDate until,
                        int limit, int offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final Set<String> PARAMETERS = Set.of("country", "type", "status", "since", "until", "limit", "offset");

    /** No filter, the first page. */
    public static final ViewQuery ALL = new ViewQuery(null, null, null, null, null, DEFAULT_LIMIT, 0);

    public ViewQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
    }

    /**
     * The query of a request's parameters; an empty value does not filter.
     *
     * @throws IllegalArgumentException naming every parameter that is unknown or malformed, for a 400 answer
     */
    public static ViewQuery parse(Map<String, String> parameters) {
        List<String> problems = new ArrayList<>();
        parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).sorted()
                .forEach(name -> problems.add("unknown parameter '" + name + "' (known: " + String.join(", ",
                        PARAMETERS.stream().sorted().toList()) + ")"));
        String country = value(parameters, "country");
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                problems.add("country must be a two-letter ISO 3166-1 code, got '" + parameters.get("country") + "'");
            }
        }
        AgreementType type = enumValue(parameters, "type", AgreementType.class, problems);
        AgreementStatus status = enumValue(parameters, "status", AgreementStatus.class, problems);
        LocalDate since = date(parameters, "since", problems);
        LocalDate until = date(parameters, "until", problems);
        int limit = number(parameters, "limit", DEFAULT_LIMIT, problems);
        int offset = number(parameters, "offset", 0, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ViewQuery(country, type, status, since, until, limit, offset);
    }

    /** True when the agreement passes the filters. */
    public boolean matches(AgreementRecord agreement) {
        if (country != null && agreement.parties().stream().noneMatch(p -> country.equals(p.country()))) {
            return false;
        }
        if (type != null && agreement.type() != type) {
            return false;
        }
        if (status != null && agreement.status() != status) {
            return false;
        }
        return inPeriod(day(agreement));
    }

    /** True when the article passes the filters. */
    public boolean matches(EnrichedArticle article) {
        if (country != null && article.countries().stream().noneMatch(c -> c.code().equals(country))) {
            return false;
        }
        if ((type != null || status != null) && article.agreements().stream().noneMatch(this::reports)) {
            return false;
        }
        return inPeriod(article.publishedAt() == null ? null : LocalDate.parse(article.publishedAt().substring(0, 10)));
    }

    private boolean reports(AgreementTag tag) {
        return (type == null || tag.type() == type) && (status == null || tag.status() == status);
    }

    private boolean inPeriod(LocalDate day) {
        if (since == null && until == null) {
            return true;
        }
        return day != null && (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
    }

    /** The day an agreement is shown at: its own date, else its article's publication date; null if neither. */
    public static LocalDate day(AgreementRecord agreement) {
        String date = agreement.date() != null ? agreement.date() : agreement.publishedAt();
        return date == null ? null : LocalDate.parse(date.substring(0, 10));
    }

    /** Agreements newest first (those without a day last), then by id, so that pages are stable. */
    public static final Comparator<AgreementRecord> NEWEST_AGREEMENTS_FIRST = Comparator
            .comparing(ViewQuery::day, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AgreementRecord::agreementId);

    /** Articles newest first (those without a publication date last), then by id. */
    public static final Comparator<EnrichedArticle> NEWEST_ARTICLES_FIRST = Comparator
            .comparing((EnrichedArticle a) -> a.publishedAt() == null ? null : a.publishedAt().substring(0, 10),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(EnrichedArticle::id);

    /** The page of {@code sorted} this query asks for, with the number of items in all. */
    public <T> Page<T> page(List<T> sorted) {
        int from = Math.min(offset, sorted.size());
        int to = Math.min(sorted.size(), from + limit);
        return new Page<>(sorted.size(), offset, limit, List.copyOf(sorted.subList(from, to)));
    }

    /** The party countries of an agreement, each once, in order. */
    static List<String> countries(AgreementRecord agreement) {
        return agreement.parties().stream().map(Party::country).filter(c -> c != null).distinct().sorted().toList();
    }

    private static String value(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E enumValue(Map<String, String> parameters, String name, Class<E> type,
                                                   List<String> problems) {
        String value = value(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", got '" + value + "'");
            return null;
        }
    }

    private static LocalDate date(Map<String, String> parameters, String name, List<String> problems) {
        String value = value(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(name + " must be a date (yyyy-mm-dd), got '" + value + "'");
            return null;
        }
    }

    private static int number(Map<String, String> parameters, String name, int fallback, List<String> problems) {
        String value = value(parameters, name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (name.equals("limit") && (number < 1 || number > MAX_LIMIT)) {
                problems.add("limit must be 1 to " + MAX_LIMIT + ", got " + number);
            } else if (number < 0) {
                problems.add(name + " must not be negative, got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, got '" + value + "'");
            return fallback;
        }
    }

    /**
     * One page of a result.
     *
     * @param total  items matching the filters, in all pages
     * @param offset items skipped before this page
     * @param limit  the most items a page holds
     * @param items  this page's items
     */
    public record Page<T>(int total, int offset, int limit, List<T> items) {
    }
}
