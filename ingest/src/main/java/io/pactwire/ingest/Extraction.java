package io.pactwire.ingest;

import io.pactwire.model.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.jsoup.Jsoup;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Extraction: the bytes or text of one document in, its article or the reason there is none out. A web page's
 * charset is told from its bytes ({@link Charsets}) and its main text found ({@link HtmlExtractor}); plain text,
 * Markdown and a feed item's HTML go through the same cleanup ({@link TextExtractor}); a JSON line is parsed from
 * its bytes; then {@link ArticleFactory} makes the article. Reads no file and no network: {@link InputReader}
 * hands it what it read or fetched.
 */
final class Extraction {
    private static final JsonSerde<JsonLine> JSON_LINE = new JsonSerde<>(JsonLine.class);
    private static final Pattern SOME_TEXT = Pattern.compile("\\S");

    private final long maxPageBytes;
    private final TextExtractor text;
    private final HtmlExtractor html;
    private final ArticleFactory articles;

    /**
     * @param maxPageBytes the most bytes a web page may have ({@code ingest.max.page.bytes})
     * @param dates        how dates in words are read ({@code ingest.date.order})
     * @param articles     makes the articles, with the article size limit
     */
    Extraction(long maxPageBytes, Dates dates, ArticleFactory articles) {
        this.maxPageBytes = maxPageBytes;
        this.text = new TextExtractor(dates);
        this.html = new HtmlExtractor(dates);
        this.articles = articles;
    }

    /**
     * One article of plain text or Markdown.
     *
     * @param url  where it was fetched from, or null
     * @param file the file it was read from, or null
     */
    Input text(String source, String content, String url, Path file) {
        if (content.indexOf('\0') >= 0) {
            return new Input.Rejected(source, "binary content (NUL bytes), not text");
        }
        return articles.article(source, text.extract(content), url, null, null, file);
    }

    /**
     * One article from a web page.
     *
     * @param url         where it was fetched from, null for a file
     * @param contentType the Content-Type it was served with, or null
     * @param file        the file it was read from, null for a fetched page
     */
    Input page(String source, String url, byte[] bytes, String contentType, Path file) {
        if (bytes.length > maxPageBytes) {
            return new Input.Rejected(source, "page is " + bytes.length + " bytes, over the limit of " + maxPageBytes
                    + " (ingest.max.page.bytes)");
        }
        Charsets.Detected charset = Charsets.detect(bytes, contentType);
        String decoded = Charsets.decodeIn(bytes, charset);
        if (decoded.indexOf('\0') >= 0) {
            return new Input.Rejected(source, "binary content (NUL bytes), not a web page");
        }
        Optional<String> notText = Charsets.notText(decoded, charset);
        if (notText.isPresent()) {
            return new Input.Rejected(source, notText.get());
        }
        HtmlExtractor.HtmlArticle page = html.extract(decoded, url == null ? source : url);
        TextExtractor.Extracted extracted = text.extract(page.title(), page.paragraphs());
        String articleUrl = page.canonicalUrl() != null ? page.canonicalUrl() : url;
        return articles.article(source, extracted, articleUrl, page.publishedAt(), page.language(), file);
    }

    /** One article from the HTML a feed item carries (its content, or its summary when it links to no page). */
    Input feedItem(String source, FeedReader.Item item, String fragment) {
        List<String> paragraphs = new ArrayList<>();
        for (MainText.Block block : MainText.blocks(Jsoup.parseBodyFragment(fragment).body())) {
            paragraphs.add(block.text());
        }
        TextExtractor.Extracted extracted = text.extract(item.title(), paragraphs);
        return articles.article(source, extracted, item.link(), item.publishedAt(), null, null);
    }

    /** Whether an HTML fragment has any text, once its markup is gone. */
    static boolean hasText(String fragment) {
        return fragment != null && SOME_TEXT.matcher(Jsoup.parseBodyFragment(fragment).text()).find();
    }

    /** One article from a JSON line. */
    Input jsonLine(String source, String line) {
        if (line.length() > articles.maxArticleBytes()) {
            return overTheLimit(source);
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return bytes.length > articles.maxArticleBytes() ? overTheLimit(source) : jsonLine(source, bytes, 0, bytes.length);
    }

    /** One article from a JSON line's bytes, {@code length} of them from {@code offset}. */
    Input jsonLine(String source, byte[] bytes, int offset, int length) {
        JsonLine parsed;
        try {
            // the model's serde checks the bytes are strict UTF-8 before it parses them; which kind of
            // problem a refused line has is asked only then, so that a good line is checked once
            parsed = JSON_LINE.deserialize(bytes, offset, length);
        } catch (SerializationException e) {
            return new Input.Rejected(source, isUtf8(bytes, offset, length)
                    ? e.getMessage().replaceFirst("^Cannot read JsonLine: ", "") : "not valid UTF-8 text");
        }
        return articles.article(source, parsed);
    }

    /** The rejection of a JSON line over the article size limit. */
    Input overTheLimit(String source) {
        return new Input.Rejected(source, "line is over the limit of " + articles.maxArticleBytes()
                + " bytes (ingest.max.article.bytes)");
    }

    /** True when the bytes are valid UTF-8; asked only of a line the serde refused, to say why. */
    private static boolean isUtf8(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
