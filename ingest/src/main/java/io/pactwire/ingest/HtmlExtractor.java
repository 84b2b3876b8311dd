package io.pactwire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a web page: its main text ({@link MainText}) and what the page says about itself: title
 * ({@link Titles}: {@code og:title}, then the first {@code h1}, then {@code <title>}, without the site's name),
 * publication date (meta tags, JSON-LD {@code datePublished}, {@code itemprop} and {@code time} elements, a
 * byline's date, the date in the address's path), canonical URL ({@code rel=canonical}, then
 * {@code og:url}) and language ({@code <html lang>}, {@code Content-Language}, {@code og:locale}).
 */
public final class HtmlExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final List<String> DATE_META = List.of(
            "meta[property=article:published_time]", "meta[property=og:article:published_time]",
            "meta[name=article:published_time]", "meta[itemprop=datePublished]", "meta[name=date]",
            "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=publish-date]", "meta[name=publication_date]",
            "meta[name=DC.date.issued]", "meta[name=dc.date.issued]", "meta[name=DC.date]", "meta[name=dc.date]",
            "meta[name=dcterms.date]", "meta[name=dcterms.created]", "meta[name=sailthru.date]",
            "meta[name=parsely-pub-date]", "meta[property=og:published_time]", "meta[name=created]",
            "meta[name=isodatetime]", "meta[itemprop=dateCreated]", "meta[name=article.published]",
            "meta[property=article:published]");
    private static final List<Evaluator> DATE_META_SELECTORS = DATE_META.stream().map(QueryParser::parse).toList();
    /** A class or id of the element that holds a byline's date: "entry-date", "post-meta", "datum", "byline". */
    private static final String BYLINE_SELECTOR = "[class~=(?i)(?:^|[\\s_-])(?:date|datum|time|posted|published|pubdate"
            + "|byline|dateline|meta|entry-meta|post-meta|article-meta|veroeffentlicht)(?:$|[\\s_-])], "
            + "[id~=(?i)(?:^|[_-])(?:date|datum|byline|posted|published)(?:$|[_-])]";
    private static final int MAX_BYLINE_CHARS = 120;
    private static final Pattern DATE_IN_TEXT = Pattern.compile("(?iu)" + Dates.DATE);
    /** A date in an address's path: "/2019/10/21/". */
    private static final Pattern DATE_IN_PATH = Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})(?:/|$)");

    private final Dates dates;

    public HtmlExtractor(Dates dates) {
        this.dates = dates;
    }

    /**
     * What a page holds.
     *
     * @param title        the headline, or empty
     * @param publishedAt  ISO date or date-time of publication, or null
     * @param canonicalUrl the page's own idea of its address (http or https), or null
     * @param language     ISO 639-1 code, or null
     * @param paragraphs   the main text, one entry per paragraph, heading or list item
     */
    public record HtmlArticle(String title, String publishedAt, String canonicalUrl, String language,
                              List<String> paragraphs) {
        public HtmlArticle {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** Reads the page {@code html} found at {@code baseUri} (for resolving relative links; may be empty). */
    public HtmlArticle extract(String html, String baseUri) {
        Document document = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        String title = title(document);
        String publishedAt = publishedAt(document);
        String canonical = canonical(document);
        String language = language(document);
        List<String> paragraphs = new ArrayList<>();
        for (MainText.Block block : MainText.extract(document.body())) {
            paragraphs.add(block.text());
        }
        return new HtmlArticle(title, publishedAt, canonical, language, paragraphs);
    }

    static String title(Document document) {
        return Titles.of(document);
    }

    String publishedAt(Document document) {
        // One walk for the page's meta tags, then the selectors in their order over those alone.
        List<Element> metas = document.getElementsByTag("meta");
        for (Evaluator selector : DATE_META_SELECTORS) {
            for (Element meta : metas) {
                if (!meta.is(selector)) {
                    continue;
                }
                Optional<String> date = isoDate(meta.attr("content"));
                if (date.isPresent()) {
                    return date.get();
                }
            }
        }
        for (Element script : document.select("script[type=application/ld+json]")) {
            Optional<String> date = jsonLdDate(script.data());
            if (date.isPresent()) {
                return date.get();
            }
        }
        for (Element time : document.select("[itemprop=datePublished], time[pubdate], article time, time")) {
            String value = time.hasAttr("datetime") ? time.attr("datetime")
                    : time.hasAttr("content") ? time.attr("content") : time.text();
            Optional<String> date = isoDate(value);
            if (date.isPresent()) {
                return date.get();
            }
        }
        Optional<String> byline = bylineDate(document);
        if (byline.isPresent()) {
            return byline.get();
        }
        return pathDate(document.location()).or(() -> pathDate(canonical(document))).orElse(null);
    }

    /**
     * The date in a byline: the first short element named as one ("entry-date", "post-meta", "datum") whose
     * text holds a date ("Veröffentlicht am 14. Februar 2018", "von Anna Weber, 27.1.2022"), those inside the
     * article first.
     */
    private Optional<String> bylineDate(Document document) {
        Element scope = document.selectFirst("article, main, [role=main], [itemprop=articleBody]");
        for (Element root : scope == null ? List.of(document.body()) : List.of(scope, document.body())) {
            if (root == null) {
                continue;
            }
            for (Element e : root.select(BYLINE_SELECTOR)) {
                String text = e.text();
                if (text.length() > MAX_BYLINE_CHARS) {
                    continue;
                }
                Matcher m = DATE_IN_TEXT.matcher(text);
                while (m.find()) {
                    Optional<LocalDate> date = dates.parse(m.group());
                    if (date.isPresent()) {
                        return Optional.of(date.get().toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The date in an address's path ("/2019/10/21/interning"), where blogs and many papers put it. */
    static Optional<String> pathDate(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = DATE_IN_PATH.matcher(address);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toString());
            } catch (java.time.DateTimeException notADate) {
                // the next match, if any
            }
        }
        return Optional.empty();
    }

    private Optional<String> jsonLdDate(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return findDatePublished(root);
        } catch (Exception malformed) {
            return Optional.empty(); // pages ship broken JSON-LD; it is only a hint
        }
    }

    private Optional<String> findDatePublished(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isObject()) {
            JsonNode published = node.get("datePublished");
            if (published != null && published.isTextual()) {
                Optional<String> date = isoDate(published.asText());
                if (date.isPresent()) {
                    return date;
                }
            }
            for (JsonNode child : node) {
                Optional<String> date = findDatePublished(child);
                if (date.isPresent()) {
                    return date;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                Optional<String> date = findDatePublished(child);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /** An ISO-8601 form of a date as pages write it in metadata: ISO with or without time and zone, or prose. */
    Optional<String> isoDate(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException notOffset) {
            // next form
        }
        try {
            // "2018-01-16T09:30:00+0100" (no colon in the offset)
            return Optional.of(OffsetDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]Z"))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException notCompactOffset) {
            // next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(s).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException notZoned) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')).toLocalDate().toString());
        } catch (DateTimeParseException notLocal) {
            // next form
        }
        if (s.length() >= 10) {
            try {
                return Optional.of(LocalDate.parse(s.substring(0, 10)).toString());
            } catch (DateTimeParseException notIsoDate) {
                // next form
            }
        }
        Optional<LocalDate> whole = dates.parse(s);
        if (whole.isPresent()) {
            return whole.map(LocalDate::toString);
        }
        // "10.12.2022, 07:00:03", "01-11-2023 10:29": a date, then a time in no ISO form.
        Matcher leading = DATE_IN_TEXT.matcher(s);
        if (leading.lookingAt()) {
            return dates.parse(leading.group()).map(LocalDate::toString);
        }
        return Optional.empty();
    }

    static String canonical(Document document) {
        for (Element link : document.select("link[rel~=(?i)^canonical$][href], meta[property=og:url][content]")) {
            String url = link.hasAttr("href") ? link.absUrl("href") : link.attr("content").strip();
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return url;
            }
        }
        return null;
    }

    static String language(Document document) {
        List<String> candidates = new ArrayList<>();
        Element html = document.selectFirst("html");
        if (html != null) {
            candidates.add(html.attr("lang"));
            candidates.add(html.attr("xml:lang"));
        }
        candidates.add(document.select("meta[http-equiv~=(?i)content-language]").attr("content"));
        candidates.add(document.select("meta[property=og:locale]").attr("content"));
        candidates.add(document.select("meta[name~=(?i)^(language|dc.language)$]").attr("content"));
        for (String candidate : candidates) {
            String code = candidate.strip().toLowerCase(Locale.ROOT).split("[-_,;\\s]", 2)[0];
            if (code.length() == 2 && LANGUAGES.contains(code)) {
                return code;
            }
        }
        return null;
    }
}
