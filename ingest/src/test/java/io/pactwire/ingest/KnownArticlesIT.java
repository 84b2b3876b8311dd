package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.RawArticle;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ingest knows of news.raw, kept under ingest.state.dir: a start reads only what news.raw gained since the
 * last run, and a send that was not acknowledged is never taken for a published article.
 */
@KafkaTest
class KnownArticlesIT {
    @TempDir
    Path folder;
    @TempDir
    Path state;

    @Test
    void aStartReadsNothingAfterARunAndOnlyWhatAnotherProducerWroteSince(KafkaTestCluster cluster) throws Exception {
        provision(cluster);
        for (int i = 0; i < 40; i++) {
            Files.writeString(folder.resolve("story-" + i + ".txt"), "Story " + i + "\n\nThe ministry signed accord number "
                    + i + " with Japan on the exploration of space resources.");
        }
        IngestReport first = service(cluster).run(IngestService.Sources.once(List.of(folder.toString())), Progress.NONE);
        assertThat(first.published()).hasSize(40);

        try (KnownArticles known = KnownArticles.open(config(cluster))) {
            assertThat(known.recordsRead()).as("restart after 40 articles").isZero();
            assertThat(known.size()).isEqualTo(40);
        }
        try (ArticlePublisher other = new ArticlePublisher(config(cluster).producerProperties(), Topics.RAW.name())) {
            for (int i = 0; i < 5; i++) {
                other.publish("elsewhere", RawArticle.of("other-" + i, "Other " + i, "Written by another producer " + i));
            }
            assertThat(other.finish().published()).hasSize(5);
        }
        try (KnownArticles known = KnownArticles.open(config(cluster))) {
            assertThat(known.recordsRead()).as("restart after 5 more").isEqualTo(5);
            assertThat(known.size()).isEqualTo(45);
            assertThat(known.get("other-3")).contains(new KnownArticles.Known(
                    RawArticle.of("other-3", "Other 3", "Written by another producer 3").contentHash(), 1));
        }
        IngestReport again = service(cluster).run(IngestService.Sources.once(List.of(folder.toString())), Progress.NONE);
        assertThat(again.published()).isEmpty();
        assertThat(again.unchanged()).hasSize(40);
    }

    @Test
    void aSendNotAcknowledgedIsNeverTakenForAPublishedArticleNotEvenAfterACrash(KafkaTestCluster cluster) throws Exception {
        provision(cluster);
        RawArticle article = RawArticle.of("unsent", "Unsent", "A send that failed");
        KnownArticles.Known attempted = new KnownArticles.Known(article.contentHash(), 1);

        KnownArticles known = KnownArticles.open(config(cluster));
        known.put(article.id(), attempted);
        assertThat(known.get(article.id())).as("in flight").contains(attempted);
        known.restore(article.id(), attempted, java.util.Optional.empty()); // the send failed
        assertThat(known.get(article.id())).isEmpty();
        known.put(article.id(), attempted); // sent again, and the process dies before any acknowledgement
        known.release();

        try (KnownArticles restarted = KnownArticles.open(config(cluster))) {
            assertThat(restarted.get(article.id())).as("news.raw never held it: it is published again").isEmpty();
        }
        IngestReport report;
        Files.writeString(folder.resolve("unsent.txt"), "Unsent\n\nA send that failed.");
        report = service(cluster).run(IngestService.Sources.once(List.of(folder.toString())), Progress.NONE);
        assertThat(report.published()).hasSize(1);
        try (KnownArticles restarted = KnownArticles.open(config(cluster))) {
            assertThat(restarted.recordsRead()).isZero();
            assertThat(restarted.get(report.published().get(0).id())).isPresent();
        }
    }

    private IngestConfig config(KafkaTestCluster cluster) {
        return new IngestConfig(ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                IngestConfig.STATE_DIR, state.toString())));
    }

    private IngestService service(KafkaTestCluster cluster) {
        return new IngestService(config(cluster), Clock.systemUTC());
    }

    private static void provision(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }
}
