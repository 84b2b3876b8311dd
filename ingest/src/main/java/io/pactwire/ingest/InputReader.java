package io.pactwire.ingest;

import io.pactwire.model.JsonSerde;
import io.pactwire.model.RawArticle;
import org.apache.kafka.common.errors.SerializationException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads articles from files, folders (recursively) and JSON lines, and hands every input to a sink as
 * an {@link Input.Article}, an {@link Input.Rejected} with its reason, or an {@link Input.Skipped}: no
 * input is ever dropped unreported. Text must be UTF-8; a file or JSON line over the size limit is
 * rejected, not truncated.
 */
public final class InputReader {
    /** File extensions read as one article of plain text or Markdown. */
    public static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md");
    /** File extensions read as one article per line of JSON. */
    public static final Set<String> JSON_LINES_EXTENSIONS = Set.of("jsonl");

    private static final JsonSerde<JsonLine> JSON_LINE = new JsonSerde<>(JsonLine.class);

    private final long maxArticleBytes;
    private final Clock clock;
    private final TextExtractor extractor = new TextExtractor();

    public InputReader(long maxArticleBytes, Clock clock) {
        this.maxArticleBytes = maxArticleBytes;
        this.clock = clock;
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

    /** Reads JSON lines from a stream (stdin), one article per line. */
    public void readJsonLines(InputStream in, String sourceName, Consumer<Input> sink) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        readJsonLines(reader, sourceName, sink);
    }

    private void readFolder(Path folder, Consumer<Input> sink) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
            sink.accept(new Input.Rejected(folder.toUri().toString(), "cannot list folder: " + e.getMessage()));
            return;
        }
        for (Path file : files) {
            if (file.getFileName().toString().startsWith(".")) {
                continue; // hidden files (.DS_Store, editor swap files) are not inputs
            }
            readFile(file, sink, false);
        }
    }

    private void readFile(Path file, Consumer<Input> sink, boolean explicit) {
        String source = file.toUri().toString();
        String extension = extension(file);
        if (!TEXT_EXTENSIONS.contains(extension) && !JSON_LINES_EXTENSIONS.contains(extension)) {
            String reason = "unsupported file type" + (extension.isEmpty() ? "" : " ." + extension)
                    + "; supported: .txt, .md, .jsonl";
            sink.accept(explicit ? new Input.Rejected(source, reason) : new Input.Skipped(source, reason));
            return;
        }
        if (JSON_LINES_EXTENSIONS.contains(extension)) {
            try (InputStream in = Files.newInputStream(file)) {
                readJsonLines(in, source, sink);
            } catch (NoSuchFileException e) {
                sink.accept(new Input.Rejected(source, "no such file"));
            } catch (IOException e) {
                sink.accept(new Input.Rejected(source, "cannot read: " + e.getMessage()));
            }
            return;
        }
        try {
            long size = Files.size(file);
            if (size > maxArticleBytes) {
                sink.accept(new Input.Rejected(source, "file is " + size + " bytes, over the limit of "
                        + maxArticleBytes + " (ingest.max.article.bytes)"));
                return;
            }
            String text = decodeUtf8(Files.readAllBytes(file));
            sink.accept(textArticle(source, text));
        } catch (NoSuchFileException e) {
            sink.accept(new Input.Rejected(source, "no such file"));
        } catch (CharacterCodingException e) {
            sink.accept(new Input.Rejected(source, "not valid UTF-8 text"));
        } catch (IOException e) {
            sink.accept(new Input.Rejected(source, "cannot read: " + e.getMessage()));
        }
    }

    /** One article from the text of a .txt or .md file. */
    Input textArticle(String source, String text) {
        if (text.indexOf('\0') >= 0) {
            return new Input.Rejected(source, "binary content (NUL bytes), not text");
        }
        TextExtractor.Extracted extracted = extractor.extract(text);
        if (extracted.body().isBlank()) {
            return new Input.Rejected(source, "no article text");
        }
        String id = ArticleIds.forContent(extracted.title(), extracted.body());
        RawArticle article = RawArticle.of(id, extracted.title(), extracted.body())
                .withSourceUri(source)
                .withDateline(extracted.dateline())
                .withPublishedAt(extracted.publishedAt())
                .withIngestedAt(clock.instant());
        return new Input.Article(source, article);
    }

    private void readJsonLines(BufferedReader reader, String sourceName, Consumer<Input> sink) {
        int number = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                sink.accept(jsonLine(sourceName + "#line=" + number, line));
            }
        } catch (CharacterCodingException e) {
            sink.accept(new Input.Rejected(sourceName + "#line=" + (number + 1), "not valid UTF-8 text"));
        } catch (IOException e) {
            sink.accept(new Input.Rejected(sourceName + "#line=" + (number + 1), "cannot read: " + e.getMessage()));
        }
    }

    /** One article from a JSON line. */
    Input jsonLine(String source, String line) {
        if (line.length() > maxArticleBytes
                || (line.length() > maxArticleBytes / 4 && line.getBytes(StandardCharsets.UTF_8).length > maxArticleBytes)) {
            return new Input.Rejected(source, "line is over the limit of " + maxArticleBytes
                    + " bytes (ingest.max.article.bytes)");
        }
        JsonLine parsed;
        try {
            parsed = JSON_LINE.fromJson(line);
        } catch (SerializationException e) {
            return new Input.Rejected(source, e.getMessage().replaceFirst("^Cannot read JsonLine: ", ""));
        }
        String publishedAt = parsed.publishedAt();
        if (publishedAt != null && !publishedAt.isBlank()) {
            var date = Dates.dayFirst().parse(publishedAt);
            if (date.isPresent()) {
                publishedAt = date.get().toString();
            }
        }
        String title = parsed.title() == null ? "" : parsed.title();
        String id = parsed.id() != null ? parsed.id()
                : parsed.url() != null && !parsed.url().isBlank() ? ArticleIds.forUrl(parsed.url())
                : ArticleIds.forContent(title, parsed.body());
        try {
            RawArticle article = RawArticle.of(id, title, parsed.body())
                    .withSourceUri(source)
                    .withUrl(parsed.url())
                    .withDateline(parsed.dateline())
                    .withPublishedAt(publishedAt)
                    .withIngestedAt(clock.instant());
            return new Input.Article(source, article);
        } catch (IllegalArgumentException e) {
            return new Input.Rejected(source, e.getMessage());
        }
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
