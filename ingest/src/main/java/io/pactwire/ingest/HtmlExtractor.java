package io.pactwire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
import java.util.regex.Pattern;

/**
 * Reads a web page: its main text ({@link MainText}) and what the page says about itself: title
 * ({@link Titles}: {@code og:title}, then the first {@code h1}, then {@code <title>}, without the site's name), publication date (meta tags,
 * JSON-LD {@code datePublished}, {@code time} elements), canonical URL ({@code rel=canonical}, then
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
            "meta[name=parsely-pub-date]", "meta[property=og:published_time]", "meta[name=created]");

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
        for (String selector : DATE_META) {
            for (Element meta : document.select(selector)) {
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
        for (Element time : document.select("time[itemprop=datePublished], time[pubdate], article time, time")) {
            Optional<String> date = isoDate(time.hasAttr("datetime") ? time.attr("datetime") : time.text());
            if (date.isPresent()) {
                return date.get();
            }
        }
        return null;
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
        return dates.parse(s).map(LocalDate::toString);
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
