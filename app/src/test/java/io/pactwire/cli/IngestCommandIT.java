package io.pactwire.cli;

import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `pactwire ingest`: the summary, the rejections with their reasons, and the exit code. */
@KafkaTest
class IngestCommandIT {

    @Test
    void exitsNonZeroWhenAnInputIsRejectedAndZeroWhenAllIsPublishedOrUnchanged(KafkaTestCluster cluster, @TempDir Path dir)
            throws IOException {
        Path seed = dir.resolve("release.txt");
        Files.copy(Path.of("../samples/000_6f954eecf47ae51d.txt"), seed);
        Path empty = dir.resolve("empty.md");
        Files.writeString(empty, " \n");
        Path urls = dir.resolve("urls.txt");
        Files.writeString(urls, "http://10.0.0.1/news\n");

        CliRun first = CliRun.exec("ingest", "--bootstrap-servers", cluster.bootstrapServers(), seed.toString(), empty.toString(),
                "--urls", urls.toString());
        assertThat(first.exit()).isOne();
        assertThat(first.out()).contains("published 1, unchanged 0, rejected 2 (no article text: 1, refused: 1), skipped 0");
        assertThat(first.err()).contains("rejected " + empty.toUri() + ": no article text",
                "rejected http://10.0.0.1/news: refused: 10.0.0.1 is a loopback or private-network address");

        CliRun again = CliRun.exec("ingest", "--bootstrap-servers", cluster.bootstrapServers(), seed.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("published 0, unchanged 1, rejected 0, skipped 0");
    }

    @Test
    void refusesStdinTogetherWithPathsAsAUsageError(KafkaTestCluster cluster) {
        CliRun run = CliRun.exec("ingest", "--bootstrap-servers", cluster.bootstrapServers(), "-", "file.txt");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("- (stdin) cannot be combined with paths or URLs");
    }
}
