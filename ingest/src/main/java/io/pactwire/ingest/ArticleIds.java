package io.pactwire.ingest;

import io.pactwire.model.ContentHash;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Stable article ids, so that a changed article keeps its id and gets the next revision:
 * <ul>
 *   <li>an article with a URL (a page's canonical URL or {@code og:url}, the fetched URL, a feed item's link, a
 *       JSON line's {@code url}) is identified by its normalised URL ({@link #forUrl});</li>
 *   <li>a file that is one article and says no URL (a {@code .txt} or {@code .md} file, an {@code .html} file
 *       without canonical URL) is identified by its location, the real absolute path of the file
 *       ({@link #forFile}): an edit is the next revision of the same article, while moving or renaming the
 *       file makes it a new article, and two copies of one text in two files are two articles;</li>
 *   <li>anything else without a URL (a JSON line or {@code .json} object without {@code id} and {@code url},
 *       stdin, a feed item without link) is identified by its normalised content ({@link #forContent}):
 *       a location names a file, not one of the several articles a JSON file or stream may hold, so an
 *       edited text there becomes a new article.</li>
 * </ul>
 * The same page read as a file and by its URL gets two ids when it declares no canonical URL: by design,
 * nothing says the two are one article.
 */
public final class ArticleIds {
    private static final int HEX_CHARS = 20;

    private ArticleIds() {
    }

    /** The id of the article at {@code url}: scheme and host lower-cased, fragment and trailing slash dropped. */
    public static String forUrl(String url) {
        return ContentHash.sha256Hex("url\n" + normaliseUrl(url)).substring(0, HEX_CHARS);
    }

    /**
     * The id of the article a file holds, from where the file is: its absolute path, normalised, with
     * symbolic links resolved when the file exists (so a folder reached through a link and directly gives
     * one id), else as given.
     */
    public static String forFile(Path file) {
        return ContentHash.sha256Hex("file\n" + location(file)).substring(0, HEX_CHARS);
    }

    /** The id of an article known only by its text. */
    public static String forContent(String title, String body) {
        return ContentHash.of(title, body).substring(0, HEX_CHARS);
    }

    static String location(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath().toString();
        } catch (IOException | SecurityException e) {
            return absolute.toString(); // gone since it was read, or not ours to resolve: its path as given still names it
        }
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
