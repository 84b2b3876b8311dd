package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.testkit.KafkaClusters;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ingest with the broker gone mid-run: the broker of its own embedded cluster stops after the first inputs
 * are published. Every input is still reported, and at most one send blocks for max.block.ms: once a send
 * has timed out every later input is rejected at once, never sent, instead of blocking max.block.ms each.
 */
class BrokerGoneIT {
    private static final int BEFORE = 10;
    private static final int AFTER = 40;

    private static String line(int n) {
        return "{\"id\":\"gone-" + n + "\",\"title\":\"Story " + n + "\",\"body\":\"Luxembourg and Japan signed agreement number "
                + n + " on space resources.\"}\n";
    }

    @Test
    void everyInputIsReportedAndAtMostOneSendBlocksForMaxBlockMs() throws Exception {
        try (KafkaTestCluster cluster = KafkaClusters.startEmbedded()) {
            try (Admin admin = cluster.admin()) {
                new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
            }
            // Short Kafka client timeouts, through the config as an operator would set them.
            IngestService service = new IngestService(new IngestConfig(ConfigInput.of(Map.of(
                    "bootstrap.servers", cluster.bootstrapServers(),
                    "max.block.ms", "2000",
                    "request.timeout.ms", "1000",
                    "delivery.timeout.ms", "3000",
                    "linger.ms", "0"))), Clock.systemUTC());
            AtomicInteger published = new AtomicInteger();
            Progress progress = new Progress() {
                @Override
                public void published(IngestReport.Published p) {
                    published.incrementAndGet();
                }
            };
            PipedOutputStream stdin = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(stdin, 1 << 20);
            CompletableFuture<IngestReport> run = CompletableFuture.supplyAsync(() ->
                    service.run(new IngestService.Sources(List.of(), List.of(), in, false, null), progress));
            write(stdin, 1, BEFORE);
            await().atMost(Duration.ofSeconds(60)).until(() -> published.get() == BEFORE);

            cluster.stopBrokers();
            write(stdin, BEFORE + 1, BEFORE + AFTER);
            stdin.close();
            IngestReport report = run.get(5, TimeUnit.MINUTES);

            assertThat(report.published()).hasSize(BEFORE);
            assertThat(report.rejected()).hasSize(AFTER)
                    .allSatisfy(r -> assertThat(r.reason()).startsWith("not published: Kafka unreachable at " + cluster.bootstrapServers() + ": "));
            // A send that blocked in send() for max.block.ms fails with Kafka's "not present in metadata after
            // 2000 ms". Before, every input after the broker left did, one after the other (40 x 2 s here, 29 hours
            // for 1,715 inputs with the defaults); now at most the first one does, and the others are refused at
            // once ("not sent: the producer had already failed") or fail with the batches in flight.
            long blocked = report.rejected().stream().filter(r -> r.reason().contains("metadata after 2000 ms")
                    && !r.reason().endsWith("(not sent: the producer had already failed)")).count();
            assertThat(blocked).as("sends that blocked for max.block.ms: %s", report.rejected()).isLessThanOrEqualTo(1);
            assertThat(report.summary()).contains("rejected " + AFTER);
        }
    }

    private static void write(OutputStream out, int from, int to) throws IOException {
        for (int n = from; n <= to; n++) {
            out.write(line(n).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }
}
