package io.pactwire.ingest;

import io.pactwire.model.ContentHash;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Stable article ids. An article with a URL is identified by its normalised URL, so changed content under
 * the same URL keeps its id; one without is identified by its normalised content, so the same text read
 * twice (from a copy, another folder, after whitespace changes) gets the same id.
 */
public final class ArticleIds {
    private static final int HEX_CHARS = 20;

    private ArticleIds() {
    }

    /** The id of the article at {@code url}: scheme and host lower-cased, fragment and trailing slash dropped. */
    public static String forUrl(String url) {
        return ContentHash.sha256Hex("url\n" + normaliseUrl(url)).substring(0, HEX_CHARS);
    }

    /** The id of an article known only by its text. */
    public static String forContent(String title, String body) {
        return ContentHash.of(title, body).substring(0, HEX_CHARS);
    }

    static String normaliseUrl(String url) {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
                port = -1;
            }
            String path = uri.getRawPath();
            if (path != null && path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            if (scheme == null || host == null) {
                return trimmed;
            }
            return scheme + "://" + host + (port == -1 ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }
}
