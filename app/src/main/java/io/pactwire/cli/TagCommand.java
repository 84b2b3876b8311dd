package io.pactwire.cli;

import io.pactwire.enrich.Enricher;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.Input;
import io.pactwire.ingest.InputReader;
import io.pactwire.model.Serdes;
import io.pactwire.tagger.Tagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "tag", description = {
        "Tag articles offline, without Kafka, and print one enriched article per input article as a JSON line (the",
        "news.enriched value), in input order. Reads the FILEs given (.jsonl: one article per line; .txt, .md, .html,",
        ".htm: one article each, through ingest's extraction; .json, .rss, .atom files too) or JSON lines on stdin. An input that cannot be read is reported",
        "on stderr with its line and reason and the run goes on; exit code 1 if any input failed, else 0."})
final class TagCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Article files; none reads JSON lines from stdin.")
    List<Path> files = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final java.io.InputStream in;

    TagCommand() {
        this(System.out, System.err, System.in);
    }

    TagCommand(PrintStream out, PrintStream err, java.io.InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        Enricher enricher = new Enricher(Tagger.standard(), Clock.systemUTC());
        InputReader reader = new InputReader(defaultMaxArticleBytes(), Clock.systemUTC());
        int[] failures = {0};
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Consumer<Input> sink = input -> {
            try {
                if (input instanceof Input.Article a) {
                    writer.write(Serdes.ENRICHED_ARTICLE.toJson(enricher.enrich(a.article())));
                    writer.write('\n');
                } else if (input instanceof Input.Rejected r) {
                    failures[0]++;
                    writer.flush();
                    err.println("pactwire tag: " + r.source() + ": " + r.reason());
                } else if (input instanceof Input.Skipped s) {
                    err.println("pactwire tag: skipped " + s.source() + ": " + s.reason());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        if (files.isEmpty()) {
            reader.readJsonLines(in, "stdin", sink);
        } else {
            reader.read(files, sink);
        }
        writer.flush();
        return failures[0] == 0 ? 0 : 1;
    }

    private static long defaultMaxArticleBytes() {
        return (Long) IngestConfig.definition().configKeys().get(IngestConfig.MAX_ARTICLE_BYTES).defaultValue;
    }
}
