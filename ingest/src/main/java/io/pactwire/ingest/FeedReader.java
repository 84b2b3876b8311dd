package io.pactwire.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom feeds with Rome. A feed that declares a DOCTYPE is refused before
 * parsing: a DTD is how external entities (XXE) and entity expansion bombs get in, and no real feed needs
 * one. Rome's parser refuses DOCTYPEs too ({@link SyndFeedInput#setAllowDoctypes(boolean)} false), as a
 * second line.
 */
final class FeedReader {
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROOT = Pattern.compile("^(?:\\s|<\\?xml[^>]*>|<!--.*?-->)*<(?:rss|feed|rdf:RDF)[\\s>]",
            Pattern.DOTALL);

    /**
     * One item of a feed.
     *
     * @param link        the article's address, or null
     * @param title       the item's title, or empty
     * @param contentHtml the full content ({@code content:encoded}, Atom {@code content}), or null
     * @param summaryHtml the description or summary, or null
     * @param publishedAt ISO instant of publication (or last update), or null
     */
    record Item(String link, String title, String contentHtml, String summaryHtml, String publishedAt) {
    }

    /** A feed that cannot be read; the message is the reason. */
    static final class FeedProblem extends Exception {
        private static final long serialVersionUID = 1L;

        FeedProblem(String reason) {
            super(reason);
        }
    }

    /** Whether {@code bytes} look like a feed (an rss, feed or rdf:RDF root element). */
    static boolean looksLikeFeed(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3);
        }
        return ROOT.matcher(head).find() || (head.contains("<rss") || head.contains("<feed")) && DOCTYPE.matcher(head).find();
    }

    /** The items of a feed, in feed order. */
    List<Item> read(byte[] bytes, String contentType) throws FeedProblem {
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
        if (DOCTYPE.matcher(head).find()) {
            throw new FeedProblem("feed declares a DOCTYPE: DTDs and external entities (XXE) are refused");
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(false);
            // XmlReader decides the charset as RFC 3023 says: the HTTP header, BOM and XML declaration.
            feed = input.build(new XmlReader(new ByteArrayInputStream(bytes), contentType, true));
        } catch (FeedException | IllegalArgumentException | IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.toLowerCase(Locale.ROOT).contains("doctype")) {
                throw new FeedProblem("feed declares a DOCTYPE: DTDs and external entities (XXE) are refused");
            }
            throw new FeedProblem("not a valid RSS or Atom feed: " + message);
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String content = null;
            for (SyndContent c : entry.getContents()) {
                if (c.getValue() != null && !c.getValue().isBlank()) {
                    content = content == null ? c.getValue() : content + "\n" + c.getValue();
                }
            }
            String summary = entry.getDescription() == null ? null : entry.getDescription().getValue();
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            String link = entry.getLink();
            if ((link == null || link.isBlank()) && entry.getUri() != null && entry.getUri().startsWith("http")) {
                link = entry.getUri();
            }
            items.add(new Item(link == null || link.isBlank() ? null : link.strip(),
                    entry.getTitle() == null ? "" : entry.getTitle().strip(), content, summary,
                    date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        }
        return items;
    }
}
