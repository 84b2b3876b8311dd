package io.pactwire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.Input;
import io.pactwire.ingest.InputReader;
import io.pactwire.model.RawArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "extract", description = {
        "Extract articles without Kafka and print one JSON line per article: sourceUri, url, title, publishedAt,",
        "dateline, language and text (the main text), with the same reading and extraction as ingest. Takes files,",
        "folders and http(s) URLs (pages and feeds); none reads one document from stdin. An input that cannot be",
        "read is reported on stderr with its reason and the run goes on; exit code 1 if any failed, else 0. Needs no",
        "cluster: of ingest's settings (--config, env PACTWIRE_INGEST_*, --set) it reads only those of reading."})
final class ExtractCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE|URL", arity = "0..*", description = "Files, folders or URLs; none reads stdin.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--allow-private-hosts",
            description = "Allow fetching from loopback and private-network addresses (refused by default).")
    boolean allowPrivateHosts;

    @Mixin
    ReadingOptions reading = new ReadingOptions();

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> environment;

    ExtractCommand() {
        this(System.out, System.err, System.in, System.getenv());
    }

    ExtractCommand(PrintStream out, PrintStream err, InputStream in, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        InputReader reader = ReadingOptions.reader(reading.settings(environment,
                allowPrivateHosts ? Map.of(IngestConfig.ALLOW_PRIVATE_HOSTS, "true") : Map.of()), true, Clock.systemUTC());
        int[] failures = {0};
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Consumer<Input> sink = input -> {
            try {
                if (input instanceof Input.Article a) {
                    writer.write(JSON.writeValueAsString(line(a.article())));
                    writer.write('\n');
                } else if (input instanceof Input.Rejected r) {
                    failures[0]++;
                    writer.flush();
                    err.println("pactwire extract: " + r.source() + ": " + r.reason());
                } else if (input instanceof Input.Skipped s) {
                    writer.flush();
                    err.println("pactwire extract: skipped " + s.source() + ": " + s.reason());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        if (inputs.isEmpty()) {
            reader.readDocument("stdin", in.readAllBytes(), sink);
        } else {
            reader.readArguments(inputs, sink);
        }
        writer.flush();
        return failures[0] == 0 ? 0 : 1;
    }

    private static ObjectNode line(RawArticle article) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sourceUri", article.sourceUri());
        node.put("url", article.url());
        node.put("title", article.title());
        node.put("publishedAt", article.publishedAt());
        node.put("dateline", article.dateline());
        node.put("language", article.language());
        node.put("text", article.body());
        return node;
    }
}
