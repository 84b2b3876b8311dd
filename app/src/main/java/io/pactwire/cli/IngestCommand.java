package io.pactwire.cli;

import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ingest", description = {
        "Publish articles to news.raw and exit: .txt and .md files (one article each), .jsonl files (one article",
        "per line: id, title, body, optional dateline, url, publishedAt), folders (recursively), or - for JSON lines",
        "on stdin. Exit code 0 when every input was published, 1 when any was rejected (each is listed on stderr)."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to publish; - for JSON lines on stdin.")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        IngestConfig config = new IngestConfig(kafka.input());
        TopicSetup.ensure(config);
        IngestService service = new IngestService(config, Clock.systemUTC());
        IngestReport report;
        if (paths.equals(List.of("-"))) {
            report = service.ingestJsonLines(System.in, "stdin");
        } else if (paths.contains("-")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "- (stdin) cannot be combined with paths");
        } else {
            report = service.ingest(paths.stream().map(Path::of).toList());
        }
        report.rejected().forEach(r -> System.err.println("rejected " + r.source() + ": " + r.reason()));
        System.out.println(report.summary());
        return report.allPublished() ? 0 : 1;
    }
}
