package io.pactwire.ingest;

import io.pactwire.model.Printable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pactwire.model.InvalidFieldException;
import io.pactwire.model.RawArticle;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One article as a JSON line: {@code id}, {@code title} and {@code body}, optional {@code dateline},
 * {@code url}, {@code publishedAt} and {@code source} (the publisher's host name, {@code cabinetoffice.gov.lk}, or its
 * URL; a source that is neither, such as a name, "Reuters", is no publisher and is ignored). Other fields are ignored
 * (skipped unread, not buffered).
 *
 * <p>Checked where it enters (issue 17): the id by the rule of {@link RawArticle#id()} (printable, no
 * control, format or separator characters, no surrounding whitespace, at most 512 characters), and the url
 * must be an absolute http or https URL: a {@code javascript:} or {@code file:} link would be handed to
 * every consumer that shows the article.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JsonLine(String id, String title, String body, String dateline, String url, String publishedAt, String source) {

    JsonLine {
        if (body == null || body.isBlank()) {
            throw new InvalidFieldException("body", "must not be blank");
        }
        if (id != null && id.isBlank()) {
            throw new InvalidFieldException("id", "must not be blank when given");
        }
        if (id != null) {
            RawArticle.requireValidId(id);
        }
        if (url != null && !url.isBlank() && !isHttpUrl(url)) {
            throw new InvalidFieldException("url", "must be an absolute http or https URL, got \"" + Printable.escape(url) + "\"");
        }
    }

    /** The host name a {@code source} names (lower case), or null when it is neither a host name nor an http(s) URL. */
    static String publisherHost(String source) {
        if (source == null) {
            return null;
        }
        String s = source.strip();
        if (s.contains("://")) {
            return isHttpUrl(s) ? URI.create(s).getHost().toLowerCase(Locale.ROOT) : null;
        }
        return HOST.matcher(s).matches() ? s.toLowerCase(Locale.ROOT) : null;
    }

    /** Dot-separated labels of letters, digits and inner hyphens, with at least one dot: a host name. */
    private static final java.util.regex.Pattern HOST =
            java.util.regex.Pattern.compile("(?i)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
