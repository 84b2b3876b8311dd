package io.pactwire.ingest;

import io.pactwire.model.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads articles from files, folders (recursively), web pages, feeds and JSON lines, and hands every input
 * to a sink as an {@link Input.Article}, an {@link Input.Rejected} with its reason, or an
 * {@link Input.Skipped}: no input is ever dropped unreported.
 *
 * <ul>
 *   <li>{@code .txt}, {@code .md}: one article of plain text or Markdown, which must be UTF-8;</li>
 *   <li>{@code .html}, {@code .htm}: one web page, its main text extracted ({@link HtmlExtractor}), its
 *       charset detected from its bytes ({@link Charsets});</li>
 *   <li>{@code .jsonl}: one article per line; {@code .json}: one article, or an array of them;</li>
 *   <li>{@code .rss}, {@code .atom}, {@code .xml}: an RSS or Atom feed, one article per item;</li>
 *   <li>http and https URLs: a page or a feed, told apart by content type and content.</li>
 * </ul>
 * A feed item that carries only a summary is read from the page it links to. A file, line or page over
 * the size limits is rejected, never truncated. Every article's text goes through the same
 * {@link TextExtractor} cleanup, whatever its source.
 *
 * <p>This class does the reading: files, folders, URLs and feeds ({@link FeedItems} for their items and linked
 * pages), within their limits; what it read goes to {@link Extraction}, which finds the article in it and has
 * {@link ArticleFactory} make it.
 */
public final class InputReader {
    private static final Logger log = LoggerFactory.getLogger(InputReader.class);
    /** File extensions read as one article of plain text or Markdown. */
    public static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md");
    /** File extensions read as one web page. */
    public static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");
    /** File extensions read as one article per line of JSON. */
    public static final Set<String> JSON_LINES_EXTENSIONS = Set.of("jsonl");
    /** File extensions read as one JSON article or an array of them. */
    public static final Set<String> JSON_EXTENSIONS = Set.of("json");
    /** File extensions read as a feed. */
    public static final Set<String> FEED_EXTENSIONS = Set.of("rss", "atom", "xml");

    private static final String SUPPORTED = ".txt, .md, .html, .htm, .json, .jsonl, .rss, .atom, .xml";
    private static final long DEFAULT_MAX_PAGE_BYTES = 8L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxArticleBytes;
    private final long maxPageBytes;
    private final Extraction extraction;
    private final Fetcher fetcher;
    private final LocalFiles files;
    private final FeedLimits feedLimits;
    private final FeedItems feedItems;

    /**
     * How the pages a feed links to are fetched.
     *
     * @param maxConcurrentFetches pages fetched at the same time ({@code ingest.http.max.concurrent.fetches})
     * @param timeBudget           how long all of them may take ({@code ingest.feed.time.budget.ms})
     * @param maxItems             pages fetched per read of the feed ({@code ingest.feed.max.items})
     */
    public record FeedLimits(int maxConcurrentFetches, Duration timeBudget, int maxItems) {
        public static final FeedLimits DEFAULTS = new FeedLimits(8, Duration.ofMinutes(5), 1000);

        public FeedLimits {
            if (maxConcurrentFetches < 1 || maxItems < 1 || timeBudget.isNegative() || timeBudget.isZero()) {
                throw new IllegalArgumentException("feed limits must be positive: " + maxConcurrentFetches + ", " + timeBudget
                        + ", " + maxItems);
            }
        }
    }

    /** A reader of files and JSON lines only, with default limits; URLs are rejected. */
    public InputReader(long maxArticleBytes, Clock clock) {
        this(maxArticleBytes, DEFAULT_MAX_PAGE_BYTES, Dates.dayFirst(), null, clock);
    }

    /** A reader of every source, with the limits, date order and fetch settings of {@code config}. */
    public InputReader(IngestConfig config, Clock clock) {
        this(config.maxArticleBytes(), config.maxPageBytes(), config.dates(), new Fetcher(config.fetchSettings()),
                config.feedLimits(), clock);
    }

    /**
     * @param fetcher how to fetch URLs; null rejects every URL
     */
    public InputReader(long maxArticleBytes, long maxPageBytes, Dates dates, Fetcher fetcher, Clock clock) {
        this(maxArticleBytes, maxPageBytes, dates, fetcher, FeedLimits.DEFAULTS, clock);
    }

    /**
     * @param fetcher    how to fetch URLs; null rejects every URL
     * @param feedLimits how the pages feeds link to are fetched
     */
    public InputReader(long maxArticleBytes, long maxPageBytes, Dates dates, Fetcher fetcher, FeedLimits feedLimits, Clock clock) {
        this(maxArticleBytes, maxPageBytes, dates, fetcher, feedLimits, clock, LocalFiles.SYSTEM);
    }

    /** @param files how folders are listed (a test's stand-in: tests run as root, who may list any folder) */
    InputReader(long maxArticleBytes, long maxPageBytes, Dates dates, Fetcher fetcher, Clock clock, LocalFiles files) {
        this(maxArticleBytes, maxPageBytes, dates, fetcher, FeedLimits.DEFAULTS, clock, files);
    }

    private InputReader(long maxArticleBytes, long maxPageBytes, Dates dates, Fetcher fetcher, FeedLimits feedLimits,
                        Clock clock, LocalFiles files) {
        this.files = files;
        this.feedLimits = feedLimits;
        this.maxArticleBytes = maxArticleBytes;
        this.maxPageBytes = maxPageBytes;
        this.fetcher = fetcher;
        this.extraction = new Extraction(maxPageBytes, dates, new ArticleFactory(maxArticleBytes, dates, clock));
        this.feedItems = new FeedItems(fetcher, feedLimits, extraction);
    }

    /** Reads every path in order: files as they are, folders recursively in name order. */
    public void read(List<Path> paths, Consumer<Input> sink) {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                readFolder(path, sink);
            } else {
                readFile(path, sink, true);
            }
        }
    }

    /**
     * Reads each argument: an http or https URL (a page or a feed), another scheme (rejected), or a file or
     * folder path.
     */
    public void readArguments(List<String> arguments, Consumer<Input> sink) {
        for (String argument : arguments) {
            read(Source.of(argument), sink);
        }
    }

    /** Reads one source: a URL (a page or a feed), or a file or folder. */
    public void read(Source source, Consumer<Input> sink) {
        if (source instanceof Source.Url url) {
            readUrl(url.url(), sink);
        } else if (source instanceof Source.Local local) {
            read(List.of(local.path()), sink);
        }
    }

    /** Reads a file of URLs, one per line; blank lines and lines starting with # are ignored. */
    public void readUrlList(Path file, Consumer<Input> sink) {
        String source = file.toUri().toString();
        List<String> lines;
        LocalFiles.Entry entry = LocalFiles.inspect(file);
        if (!(entry instanceof LocalFiles.Readable readable)) {
            sink.accept(new Input.Rejected(source, ((LocalFiles.Refused) entry).reason()));
            return;
        }
        try {
            byte[] bytes = LocalFiles.readAtMost(readable.target(), maxPageBytes);
            if (bytes.length > maxPageBytes) {
                sink.accept(new Input.Rejected(source, "URL list is over the limit of " + maxPageBytes
                        + " bytes (ingest.max.page.bytes)"));
                return;
            }
            lines = urlLines(decodeUtf8(bytes));
        } catch (NoSuchFileException e) {
            sink.accept(new Input.Rejected(source, "no such file"));
            return;
        } catch (CharacterCodingException e) {
            sink.accept(new Input.Rejected(source, "not valid UTF-8 text"));
            return;
        } catch (IOException e) {
            sink.accept(new Input.Rejected(source, "cannot read: " + LocalFiles.cause(e)));
            return;
        }
        for (String url : lines) {
            readUrl(url, sink);
        }
    }

    /** The URLs of a URL list's text: one per line, stripped; blank lines and lines starting with # are ignored. */
    public static List<String> urlLines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Reads one URL: a web page is one article, a feed one per item. */
    public void readUrl(String url, Consumer<Input> sink) {
        try {
            Fetcher.checkedUri(url);
        } catch (Fetcher.FetchException e) {
            sink.accept(new Input.Rejected(url, e.getMessage()));
            return;
        }
        if (fetcher == null) {
            sink.accept(new Input.Rejected(url, "URLs are not read here; only files"));
            return;
        }
        Fetcher.Response response;
        try {
            response = fetcher.fetch(url);
        } catch (Fetcher.FetchException e) {
            sink.accept(new Input.Rejected(url, e.getMessage()));
            return;
        }
        guarded(url, sink, guardedSink -> readFetched(url, response, guardedSink));
    }

    private void readFetched(String source, Fetcher.Response response, Consumer<Input> sink) {
        String type = mediaType(response.contentType());
        byte[] body = response.body();
        String url = response.uri().toString();
        if (type.contains("rss") || type.contains("atom") || ((type.isEmpty() || type.contains("xml")
                || type.equals("text/plain") || type.equals("application/octet-stream")) && FeedReader.looksLikeFeed(body))) {
            readFeed(source, body, response.contentType(), sink);
        } else if (type.contains("html") || (type.isEmpty() || type.equals("application/octet-stream")) && looksLikeHtml(body)) {
            sink.accept(page(source, url, body, response.contentType()));
        } else if (type.equals("text/plain") || type.equals("text/markdown") || type.contains("json")) {
            Charsets.Detected charset = Charsets.detect(body, response.contentType());
            String text = Charsets.decodeIn(body, charset);
            Optional<String> notText = text.indexOf('\0') >= 0 ? Optional.empty() : Charsets.notText(text, charset);
            if (notText.isPresent()) {
                sink.accept(new Input.Rejected(source, notText.get()));
            } else if (type.contains("json")) {
                readJsonDocument(source, text, sink);
            } else {
                sink.accept(extraction.text(source, text, url, null));
            }
        } else if (type.contains("xml")) {
            sink.accept(new Input.Rejected(source, "XML that is not an RSS or Atom feed (" + type + ")"));
        } else {
            sink.accept(new Input.Rejected(source, "unsupported content type " + (type.isEmpty() ? "(none)" : type)
                    + "; supported: web pages, RSS and Atom feeds, plain text, JSON"));
        }
    }

    /**
     * Reads JSON lines from a stream (a .jsonl file, stdin), one article per line, each parsed from its
     * bytes. A line that is not valid UTF-8, not valid JSON or over the size limit is rejected alone,
     * by its number, and the lines after it are read.
     */
    public void readJsonLines(InputStream in, String sourceName, Consumer<Input> sink) {
        int[] last = {0};
        try {
            JsonLinesSplitter.split(in, (int) Math.min(maxArticleBytes, Integer.MAX_VALUE - 8), new JsonLinesSplitter.Lines() {
                @Override
                public void line(int number, byte[] bytes, int offset, int length) {
                    last[0] = number;
                    if (!isBlank(bytes, offset, length)) {
                        String source = sourceName + "#line=" + number;
                        guarded(source, sink, guardedSink -> guardedSink.accept(extraction.jsonLine(source, bytes, offset, length)));
                    }
                }

                @Override
                public void tooLong(int number) {
                    last[0] = number;
                    sink.accept(extraction.overTheLimit(sourceName + "#line=" + number));
                }
            });
        } catch (IOException e) {
            sink.accept(new Input.Rejected(sourceName + "#line=" + (last[0] + 1), "cannot read: " + LocalFiles.cause(e)));
        }
    }

    private static boolean isBlank(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads one document whose kind is told by its content: a feed, a web page, JSON or text. For
     * {@code extract} on stdin.
     */
    public void readDocument(String source, byte[] bytes, Consumer<Input> sink) {
        guarded(source, sink, guardedSink -> readDocumentUnguarded(source, bytes, guardedSink));
    }

    private void readDocumentUnguarded(String source, byte[] bytes, Consumer<Input> sink) {
        if (FeedReader.looksLikeFeed(bytes)) {
            readFeed(source, bytes, null, sink);
        } else if (looksLikeHtml(bytes)) {
            sink.accept(page(source, null, bytes, null));
        } else {
            try {
                String text = decodeUtf8(bytes);
                String trimmed = text.strip();
                if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                    readJsonDocument(source, text, sink);
                } else {
                    sink.accept(extraction.text(source, text, null, null));
                }
            } catch (CharacterCodingException e) {
                sink.accept(new Input.Rejected(source, "not valid UTF-8 text"));
            }
        }
    }

    private void readFolder(Path folder, Consumer<Input> sink) {
        List<LocalFiles.Entry> entries = files.list(folder);
        for (LocalFiles.Entry entry : entries) {
            readEntry(entry, sink, false);
        }
    }

    /**
     * Reads one file.
     *
     * @param explicit whether the user named it (an unsupported type is then rejected, not skipped)
     */
    void readFile(Path file, Consumer<Input> sink, boolean explicit) {
        readEntry(LocalFiles.inspect(file), sink, explicit);
    }

    /**
     * Reads one entry of a listing: a regular file, or what is not read and why.
     *
     * @param explicit whether the user named it (an unsupported type is then rejected, not skipped)
     */
    void readEntry(LocalFiles.Entry entry, Consumer<Input> sink, boolean explicit) {
        String source = entry.path().toUri().toString();
        if (entry instanceof LocalFiles.Refused refused) {
            sink.accept(new Input.Rejected(source, refused.reason()));
        } else if (entry instanceof LocalFiles.Ignored ignored) {
            sink.accept(new Input.Skipped(source, ignored.reason()));
        } else if (entry instanceof LocalFiles.Readable readable) {
            guarded(source, sink, guardedSink -> readFileUnguarded(readable.target(), source, guardedSink, explicit));
        }
    }

    /**
     * Reads one regular file, by its own name (a link's target's): a link named {@code notes.txt} that leads to
     * {@code client.properties} is read as what it is, not as text.
     */
    private void readFileUnguarded(Path file, String source, Consumer<Input> sink, boolean explicit) {
        String extension = extension(file);
        boolean text = TEXT_EXTENSIONS.contains(extension);
        boolean markup = HTML_EXTENSIONS.contains(extension) || FEED_EXTENSIONS.contains(extension);
        boolean json = JSON_EXTENSIONS.contains(extension);
        if (!text && !markup && !json && !JSON_LINES_EXTENSIONS.contains(extension)) {
            String reason = "unsupported file type" + (extension.isEmpty() ? "" : " ." + extension) + "; supported: " + SUPPORTED;
            sink.accept(explicit ? new Input.Rejected(source, reason) : new Input.Skipped(source, reason));
            return;
        }
        try {
            if (JSON_LINES_EXTENSIONS.contains(extension)) {
                try (InputStream in = Files.newInputStream(file)) {
                    readJsonLines(in, source, sink);
                }
                return;
            }
            long size = Files.size(file);
            long limit = markup ? maxPageBytes : maxArticleBytes;
            String setting = markup ? " (ingest.max.page.bytes)" : " (ingest.max.article.bytes)";
            if (size > limit) {
                sink.accept(new Input.Rejected(source, "file is " + size + " bytes, over the limit of " + limit + setting));
                return;
            }
            // bounded whatever the size said: it may have grown since, or be a file that reports none
            byte[] bytes = LocalFiles.readAtMost(file, limit);
            if (bytes.length > limit) {
                sink.accept(new Input.Rejected(source, "file is over the limit of " + limit + " bytes" + setting));
                return;
            }
            if (HTML_EXTENSIONS.contains(extension)) {
                sink.accept(extraction.page(source, null, bytes, null, file));
            } else if (FEED_EXTENSIONS.contains(extension)) {
                if (!FeedReader.looksLikeFeed(bytes)) {
                    sink.accept(explicit || !extension.equals("xml")
                            ? new Input.Rejected(source, "not an RSS or Atom feed")
                            : new Input.Skipped(source, "XML that is not an RSS or Atom feed"));
                    return;
                }
                readFeed(source, bytes, null, sink);
            } else if (json) {
                readJsonDocument(source, decodeUtf8(bytes), sink);
            } else {
                sink.accept(extraction.text(source, decodeUtf8(bytes), null, file));
            }
        } catch (NoSuchFileException e) {
            sink.accept(new Input.Rejected(source, "no such file"));
        } catch (CharacterCodingException e) {
            sink.accept(new Input.Rejected(source, "not valid UTF-8 text"));
        } catch (IOException e) {
            sink.accept(new Input.Rejected(source, "cannot read: " + LocalFiles.cause(e)));
        }
    }

    /** One article from a web page known by neither file nor URL when {@code url} is null. */
    Input page(String source, String url, byte[] bytes, String contentType) {
        return extraction.page(source, url, bytes, contentType, null);
    }

    /** The items of a feed, in feed order: {@link FeedItems}. */
    private void readFeed(String source, byte[] bytes, String contentType, Consumer<Input> sink) {
        feedItems.read(source, bytes, contentType, sink);
    }

    private void readJsonDocument(String source, String text, Consumer<Input> sink) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            sink.accept(new Input.Rejected(source, "not valid JSON: " + firstLine(e.getMessage())));
            return;
        }
        if (root != null && root.isObject()) {
            sink.accept(jsonLine(source, root.toString()));
        } else if (root != null && root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                sink.accept(jsonLine(source + "#item=" + (i + 1), root.get(i).toString()));
            }
        } else {
            sink.accept(new Input.Rejected(source, "expected a JSON object or an array of objects"));
        }
    }

    /** One article from a JSON line. */
    Input jsonLine(String source, String line) {
        return extraction.jsonLine(source, line);
    }

    /**
     * Reads one input with {@code read}, which hands what it reads to the sink it is given. A failure while
     * reading (a bug, or a library's StackOverflowError on a hostile document) becomes that input's
     * rejection with the reason, and the run goes on: one bad page must not end a run, nor the watch of a
     * folder for good (issue 17). A failure of {@code sink} itself (publishing has stopped) is not the
     * input's and goes through. Other Errors (out of memory, a broken class path) go through too: the JVM
     * is then in no state to go on, and every read is bounded so that no input alone should cause them.
     */
    static void guarded(String source, Consumer<Input> sink, Consumer<Consumer<Input>> read) {
        try {
            read.accept(input -> {
                try {
                    sink.accept(input);
                } catch (SinkFailure e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            });
        } catch (SinkFailure e) {
            throw e.getCause();
        } catch (RuntimeException | StackOverflowError e) {
            sink.accept(new Input.Rejected(source, failedWhileReading(source, e)));
        }
    }

    /** The reason a reading failed with {@code e}, logged with its stack when it looks like a bug. */
    static String failedWhileReading(String source, Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deeply to read (stack overflow)";
        }
        log.warn("Reading {} failed; it is rejected and the run goes on", Printable.escape(source), e);
        return "failed while reading: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** A failure of the sink, told apart from a failure of the reading it runs in. */
    static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head") || head.contains("<body");
    }

    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
