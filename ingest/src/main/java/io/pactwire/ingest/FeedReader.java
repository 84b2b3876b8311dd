package io.pactwire.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom feeds with Rome, leniently where the meaning is clear and strictly
 * where safety is at stake ({@link FeedText}): the charset is detected (UTF-16 and UTF-32 too), HTML entities
 * resolved, stray control characters removed; a DOCTYPE that declares anything is refused before parsing, as
 * a DTD is how external entities (XXE) and entity expansion bombs get in, and no real feed needs one. Rome's
 * parser refuses DOCTYPEs too ({@link SyndFeedInput#setAllowDoctypes(boolean)} false), as a second line.
 */
final class FeedReader {
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROOT = Pattern.compile(
            "^(?:\\s|<\\?xml[^>]*>|<!--.*?-->|(?i:<!DOCTYPE)[^>\\[]*>)*<(?:rss|feed|rdf:RDF)[\\s>]", Pattern.DOTALL);
    private static final Pattern DEFAULT_NAMESPACE = Pattern.compile("\\sxmlns\\s*=\\s*([\"'])(.*?)\\1");
    private static final Pattern ATOM_03_VERSION = Pattern.compile("\\sversion\\s*=\\s*[\"']0\\.3[\"']");
    private static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    /** An element with base64 content: its start tag, name, the content (no markup) and end tag. */
    private static final Pattern BASE64_ELEMENT = Pattern.compile(
            "(<([\\w:.-]+)\\s[^>]*\\bmode\\s*=\\s*[\"']base64[\"'][^>]*>)([^<]*)(</\\2\\s*>)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern RSS_CHANNEL = Pattern.compile("<(?:[\\w.-]+:)?channel[\\s>/]");

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

    /** Whether {@code bytes} look like a feed (an rss, feed or rdf:RDF root element), in any charset, UTF-16 and UTF-32 too. */
    static boolean looksLikeFeed(byte[] bytes) {
        String head = FeedText.head(bytes, 4096);
        return ROOT.matcher(head).find() || (head.contains("<rss") || head.contains("<feed")) && DOCTYPE.matcher(head).find();
    }

    /**
     * An Atom feed in the namespace of its version: a root {@code <feed>} in no namespace, or in one of the
     * drafts' before Atom 0.3 ({@code http://purl.org/echo/}, {@code http://example.com/necho}), is Atom all
     * the same, as feedparser reads it; the root's default namespace is set to Atom 0.3's
     * ({@code version="0.3"}) or Atom 1.0's. Prefixed elements keep theirs.
     */
    static String inAtomNamespace(String xml) {
        int start = FeedText.rootStart(xml);
        int end = xml.indexOf('>', start);
        if (start < 0 || end < 0) {
            return xml;
        }
        String tag = xml.substring(start, end);
        Matcher declared = DEFAULT_NAMESPACE.matcher(tag);
        String namespace = ATOM_03_VERSION.matcher(tag).find() ? ATOM_03 : ATOM_10;
        String fixed;
        if (declared.find()) {
            if (declared.group(2).equals(ATOM_03) || declared.group(2).equals(ATOM_10)) {
                return xml;
            }
            fixed = tag.substring(0, declared.start(2)) + namespace + tag.substring(declared.end(2));
        } else {
            int name = tag.indexOf("feed") + "feed".length();
            fixed = tag.substring(0, name) + " xmlns=\"" + namespace + "\"" + tag.substring(name);
        }
        return xml.substring(0, start) + fixed + xml.substring(end);
    }

    /**
     * Atom 0.3's base64 content ({@code mode="base64"}) without the whitespace around and within it: Rome's
     * decoder fails on the line breaks a feed indents it with, which base64 ignores.
     */
    static String withCompactBase64(String xml) {
        if (!xml.contains("base64")) {
            return xml;
        }
        Matcher m = BASE64_ELEMENT.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + WHITESPACE.matcher(m.group(3)).replaceAll("") + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The items of a feed, in feed order. */
    List<Item> read(byte[] bytes, String contentType) throws FeedProblem {
        String xml;
        try {
            xml = FeedText.of(bytes, contentType);
        } catch (FeedText.Refused e) {
            throw new FeedProblem(e.getMessage());
        }
        if (FeedText.rootName(xml).equals("rss") && !RSS_CHANNEL.matcher(xml).find()) {
            throw new FeedProblem("RSS without <channel>");
        }
        if (FeedText.rootName(xml).equals("feed")) {
            xml = withCompactBase64(inAtomNamespace(xml));
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // a second line: FeedText removed or refused the prolog's DOCTYPE
            input.setXmlHealerOn(false); // FeedText does the healing, with the HTML5 entities
            feed = input.build(new StringReader(xml));
        } catch (FeedException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e.getCause() != null && e.getCause().getMessage() != null && !message.contains(e.getCause().getMessage())) {
                message += ": " + e.getCause().getMessage(); // Rome's "Invalid XML" alone says nothing of why
            }
            if (message.equals("Invalid document")) {
                message = "no RSS or Atom parser for its root element <" + FeedText.rootName(xml) + "> and its namespace";
            }
            if (message.toLowerCase(Locale.ROOT).contains("doctype")) {
                throw new FeedProblem(FeedText.DOCTYPE_REFUSED);
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
