package io.pactwire.bench;

import io.pactwire.ingest.Charsets;
import io.pactwire.ingest.Dates;
import io.pactwire.ingest.HtmlExtractor;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Web pages read per second: the whole extraction ({@link HtmlExtractor#extract}: jsoup's parse, then the
 * main text, title, date, canonical URL and language) beside jsoup's parse alone, over the same pages in the
 * same run. Their ratio is what the extraction costs on top of the parse it cannot do without. Scores are
 * pages per second per thread; run with {@code -prof gc} for bytes allocated per page.
 *
 * <p>The pages are {@code -Dpactwire.pages=DIR} (default {@code ../shared/eval/html/pages}, the extraction
 * benchmark's dev pages, read from where they are and never copied), decoded once as ingest decodes them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExtractionBenchmark {
    /** Every page of the folder, decoded, with the file: address it is read from. */
    @State(Scope.Benchmark)
    public static class Pages {
        List<String> html;
        List<String> addresses;
        HtmlExtractor extractor;

        @Setup(Level.Trial)
        public void load() {
            Path dir = Path.of(System.getProperty("pactwire.pages", "../shared/eval/html/pages"));
            html = new ArrayList<>();
            addresses = new ArrayList<>();
            long bytes = 0;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] content = Files.readAllBytes(file);
                    bytes += content.length;
                    html.add(Charsets.decode(content, null));
                    addresses.add(file.toUri().toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the pages in " + dir.toAbsolutePath() + " (set -Dpactwire.pages=DIR)", e);
            }
            if (html.size() != PAGES) {
                throw new IllegalStateException(dir.toAbsolutePath() + " holds " + html.size() + " pages, not " + PAGES
                        + ": the scores would be per " + PAGES + " pages");
            }
            extractor = new HtmlExtractor(Dates.dayFirst());
            System.out.printf("%n%d pages, %.0f bytes per page%n", html.size(), bytes / (double) html.size());
        }
    }

    /** The dev pages of the extraction benchmark; an operation is one page. */
    static final int PAGES = 322;

    /** The whole extraction of every page: parse, main text and metadata. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void extract(Pages pages, Blackhole sink) {
        for (int i = 0; i < PAGES; i++) {
            sink.consume(pages.extractor.extract(pages.html.get(i), pages.addresses.get(i)));
        }
    }

    /** jsoup's parse of every page alone, the floor under any extraction with it. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public void jsoupParseOnly(Pages pages, Blackhole sink) {
        for (int i = 0; i < PAGES; i++) {
            sink.consume(Jsoup.parse(pages.html.get(i), pages.addresses.get(i)));
        }
    }
}
