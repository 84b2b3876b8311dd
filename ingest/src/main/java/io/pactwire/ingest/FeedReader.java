package io.pactwire.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.Document;
import org.jdom2.JDOMException;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom feeds with Rome, leniently where the meaning is clear and strictly
 * where safety is at stake ({@link FeedText}): the charset is detected (UTF-16 and UTF-32 too), HTML entities
 * resolved, stray control characters removed; a DOCTYPE that declares anything is refused before parsing, as
 * a DTD is how external entities (XXE) and entity expansion bombs get in, and no real feed needs one. Rome's
 * parser refuses DOCTYPEs too ({@link WireFeedInput#setAllowDoctypes(boolean)} false), as a second line, and
 * neither reads external entities nor expands any. The parsed document is then made the shape Rome's feed
 * parsers expect where feedparser reads it as a feed ({@link FeedTree}: RSS in a namespace, without
 * {@code <channel>}, Microsoft's CDF, Atom with {@code <item>}s).
 */
final class FeedReader {
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    /** A feed's root element: rss, feed, rdf:RDF (with any prefix), or CDF's CHANNEL. */
    private static final String ROOT_ELEMENT = "<(?:(?:[\\w.-]+:)?(?:rss|feed|RDF)|(?i:channel))[\\s>/]";
    private static final Pattern ROOT = Pattern.compile(
            "^(?:\\s|<\\?xml[^>]*>|<!--.*?-->|(?i:<!DOCTYPE)[^>\\[]*>)*" + ROOT_ELEMENT, Pattern.DOTALL);
    /** A root element anywhere, for a document whose DOCTYPE hides it from {@link #ROOT}: refused, as a feed. */
    private static final Pattern ANY_ROOT = Pattern.compile(ROOT_ELEMENT);
    private static final Pattern DEFAULT_NAMESPACE = Pattern.compile("\\sxmlns\\s*=\\s*([\"'])(.*?)\\1");
    private static final Pattern ATOM_03_VERSION = Pattern.compile("\\sversion\\s*=\\s*[\"']0\\.3[\"']");
    private static final String ATOM_03 = "http://purl.org/atom/ns#";
    private static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    /** An element with base64 content: its start tag, name, the content (no markup) and end tag. */
    private static final Pattern BASE64_ELEMENT = Pattern.compile(
            "(<([\\w:.-]+)\\s[^>]*\\bmode\\s*=\\s*[\"']base64[\"'][^>]*>)([^<]*)(</\\2\\s*>)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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

    /**
     * What a feed holds.
     *
     * @param items its items, in feed order
     * @param note  what was wrong with it, though it was read ({@link FeedTree#NO_CHANNEL}), or empty
     */
    record Feed(List<Item> items, Optional<String> note) {
        Feed {
            items = List.copyOf(items);
        }
    }

    /** A feed that cannot be read; the message is the reason. */
    static final class FeedProblem extends Exception {
        private static final long serialVersionUID = 1L;

        FeedProblem(String reason) {
            super(reason);
        }
    }

    /**
     * Whether {@code bytes} look like a feed (an rss, feed or rdf:RDF root element, prefixed or not, or CDF's
     * CHANNEL), in any charset, UTF-16 and UTF-32 too.
     */
    static boolean looksLikeFeed(byte[] bytes) {
        String head = FeedText.head(bytes, 4096);
        return ROOT.matcher(head).find() || DOCTYPE.matcher(head).find() && ANY_ROOT.matcher(head).find();
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

    /** The items of a feed, in feed order, and what was wrong with it though it was read. */
    Feed read(byte[] bytes, String contentType) throws FeedProblem {
        String xml;
        try {
            xml = FeedText.of(bytes, contentType);
        } catch (FeedText.Refused e) {
            throw new FeedProblem(e.getMessage());
        }
        if (FeedText.rootName(xml).equals("feed")) {
            xml = withCompactBase64(inAtomNamespace(xml));
        }
        Parser parser = new Parser();
        Document document = parser.parse(xml);
        Optional<String> note;
        SyndFeed feed;
        try {
            note = FeedTree.normalize(document);
            feed = new SyndFeedImpl(parser.build(document));
        } catch (FeedException | RuntimeException e) {
            // Rome's parsers fail on some documents with a NullPointerException, and JDOM refuses a name or
            // namespace it cannot have with an IllegalArgumentException: a document that cannot be read
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.equals("Invalid document")) {
                message = "no RSS or Atom parser for its root element <" + document.getRootElement().getName() + "> and its namespace";
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
        return new Feed(items, note);
    }

    /** Rome's parser, with its safe settings: no DOCTYPE, no external entities, no entity expanded. */
    private static final class Parser extends WireFeedInput {
        Parser() {
            setAllowDoctypes(false); // a second line: FeedText removed or refused the prolog's DOCTYPE
            setXmlHealerOn(false); // FeedText does the healing, with the HTML5 entities
        }

        Document parse(String xml) throws FeedProblem {
            try {
                return createSAXBuilder().build(new StringReader(xml));
            } catch (JDOMException | IOException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (message.toLowerCase(Locale.ROOT).contains("doctype")) {
                    throw new FeedProblem(FeedText.DOCTYPE_REFUSED);
                }
                throw new FeedProblem("not a valid RSS or Atom feed: Invalid XML: " + message);
            }
        }
    }
}
