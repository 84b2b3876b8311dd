package io.pactwire.bench.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.ingest.ArticlePublisher;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.topics.Topics;

import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The articles of a benchmark run: realistic news, cycled to the number asked for, each with an id of its
 * own. From the dev corpus of the shared evaluation files when it is there (read in place, never
 * copied into the project), else from the bundled samples.
 */
final class BenchArticles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One base article: what a JSON line of the corpus holds. */
    record Base(String title, String dateline, String body) {
    }

    private final List<Base> bases;
    private final String origin;

    private BenchArticles(List<Base> bases, String origin) {
        this.bases = List.copyOf(bases);
        this.origin = origin;
    }

    static BenchArticles load(Path corpus, Path samples) throws IOException {
        List<Base> bases = new ArrayList<>();
        if (Files.isRegularFile(corpus)) {
            for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode doc = JSON.readTree(line);
                    bases.add(new Base(doc.path("title").asText(""), doc.path("dateline").asText(""), doc.path("body").asText("")));
                }
            }
            return new BenchArticles(bases, corpus + " (" + bases.size() + " articles)");
        }
        try (Stream<Path> files = Files.list(samples)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(file);
                bases.add(new Base(file.getFileName().toString(), "", text));
            }
        }
        return new BenchArticles(bases, samples + " (" + bases.size() + " samples, varied)");
    }

    String origin() {
        return origin;
    }

    /** The i-th article of a run: a base article, varied after the first round so that no two are equal. */
    Base base(int i) {
        Base base = bases.get(i % bases.size());
        int round = i / bases.size();
        return round == 0 ? base : new Base(base.title() + " (" + round + ")", base.dateline(), base.body() + "\n\n(" + round + ")");
    }

    /** The raw article ingest makes of the i-th JSON line of the run's file. */
    RawArticle raw(String prefix, int i, Path file) {
        Base base = base(i);
        return RawArticle.of(prefix + i, base.title(), base.body())
                .withDateline(base.dateline().isBlank() ? null : base.dateline())
                .withSourceUri(file.toUri() + "#line=" + (i + 1))
                .withIngestedAt(Instant.now());
    }

    /** Serialized as news.raw holds it. */
    static byte[] bytes(RawArticle article) {
        return Serdes.RAW_ARTICLE.serialize(Topics.RAW.name(), article);
    }

    /** The headers ingest writes with it. */
    static RecordHeaders headers(RawArticle article) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ArticlePublisher.SCHEMA_HEADER, ArticlePublisher.SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
        headers.add(ArticlePublisher.CONTENT_TYPE_HEADER, ArticlePublisher.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(ArticlePublisher.SOURCE_HEADER, article.sourceUri().getBytes(StandardCharsets.UTF_8));
        headers.add(ArticlePublisher.CONTENT_HASH_HEADER, article.contentHash().getBytes(StandardCharsets.US_ASCII));
        headers.add(ArticlePublisher.REVISION_HEADER, Integer.toString(article.revision()).getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    /** Writes {@code count} articles as JSON lines (id, title, dateline, body), the input of ingest. */
    void writeJsonLines(String prefix, int count, Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < count; i++) {
                out.write(jsonLine(prefix, i));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The i-th JSON line of a run, without its line end (UTF-8). */
    byte[] jsonLine(String prefix, int i) {
        Base base = base(i);
        ObjectNode line = JSON.createObjectNode();
        line.put("id", prefix + i).put("title", base.title()).put("body", base.body());
        if (!base.dateline().isBlank()) {
            line.put("dateline", base.dateline());
        }
        try {
            return JSON.writeValueAsBytes(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON line as the least any ingest must: every token with Jackson's streaming parser, each
     * string value made a {@code String}; nothing checked, cleaned or built. The chars read.
     */
    static long readStrings(byte[] line) {
        long chars = 0;
        try (JsonParser parser = JSON.getFactory().createParser(line)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    chars += parser.getText().length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chars;
    }

    /**
     * Reads a JSON line as {@link #readStrings} does and writes it back, token by token, into {@code out}
     * (reset first): the least any ingest that reads JSON lines and writes JSON records must do. The bytes
     * written.
     */
    static int rewrite(byte[] line, ByteArrayBuilder out) {
        out.reset();
        try (JsonParser parser = JSON.getFactory().createParser(line);
             JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    generator.writeString(parser.getText());
                } else {
                    generator.copyCurrentEvent(parser);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
