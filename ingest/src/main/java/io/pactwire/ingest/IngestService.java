package io.pactwire.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ingest: reads inputs and publishes them to {@code news.raw}.
 *
 * <p>Output: {@code news.raw}, key = article id (string), value = {@code RawArticle} JSON, headers
 * {@code pactwire.schema}, {@code content-type}, {@code pactwire.source}. Guarantee: every input is
 * published once (idempotent producer, {@code acks=all}) or reported rejected with its reason.
 */
public final class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final InputReader reader;

    public IngestService(IngestConfig config, Clock clock) {
        this.config = config;
        this.reader = new InputReader(config.maxArticleBytes(), clock);
    }

    /** Publishes the articles of the given files and folders. */
    public IngestReport ingest(List<Path> paths) {
        return run(sink -> reader.read(paths, sink));
    }

    /** Publishes the articles of JSON lines read from a stream. */
    public IngestReport ingestJsonLines(InputStream in, String sourceName) {
        return run(sink -> reader.readJsonLines(in, sourceName, sink));
    }

    private IngestReport run(Consumer<Consumer<Input>> source) {
        List<Input.Rejected> rejected = new ArrayList<>();
        List<Input.Skipped> skipped = new ArrayList<>();
        ArticlePublisher.Outcome outcome;
        try (ArticlePublisher publisher = new ArticlePublisher(config.producerProperties())) {
            source.accept(input -> {
                if (input instanceof Input.Article a) {
                    publisher.publish(a.source(), a.article());
                } else if (input instanceof Input.Rejected r) {
                    log.warn("Rejected {}: {}", r.source(), r.reason());
                    rejected.add(r);
                } else if (input instanceof Input.Skipped s) {
                    log.info("Skipped {}: {}", s.source(), s.reason());
                    skipped.add(s);
                }
            });
            outcome = publisher.finish();
        }
        rejected.addAll(outcome.failed());
        IngestReport report = new IngestReport(outcome.published(), rejected, skipped);
        log.info("Ingest done: {}", report.summary());
        return report;
    }
}
