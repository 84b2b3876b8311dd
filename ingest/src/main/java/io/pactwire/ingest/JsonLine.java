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
 * {@code url} and {@code publishedAt}. Other fields are ignored (skipped unread, not buffered).
 *
 * <p>Checked where it enters (issue 17): the id by the rule of {@link RawArticle#id()} (printable, no
 * control, format or separator characters, no surrounding whitespace, at most 512 characters), and the url
 * must be an absolute http or https URL: a {@code javascript:} or {@code file:} link would be handed to
 * every consumer that shows the article.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JsonLine(String id, String title, String body, String dateline, String url, String publishedAt) {

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
