package io.pactwire.serve;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view's local state on a real broker: a restart over the same {@code serve.state.dir} reads only the
 * records written since it stopped (its global consumer's own count says so), and still holds the rest.
 */
@KafkaTest
class LiveViewRestartIT {

    @Test
    void aRestartReadsOnlyWhatChangedSinceItStopped(KafkaTestCluster cluster, @TempDir Path state) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        ServeConfig config = new ServeConfig(ConfigInput.of(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                ServeConfig.STATE_DIR, state.toString())));
        List<EnrichedArticle> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(ViewQueryTest.article("restart-" + i, "2018-01-16", List.of("LU")));
        }
        publish(cluster, first.stream().map(a -> new ProducerRecord<>(Topics.ARTICLES.name(), a.id(), a)).toList());

        List<Change> changes = new ArrayList<>();
        try (LiveView view = new LiveView(config, changes::add)) {
            view.start();
            assertThat(view.awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(view.articles(ViewQuery.ALL).total()).isEqualTo(40);
            assertThat(recordsRead(view)).isGreaterThanOrEqualTo(40);
        }

        // while it is stopped: one new article, one retracted
        EnrichedArticle added = ViewQueryTest.article("restart-new", "2018-02-01", List.of("JP"));
        List<ProducerRecord<String, EnrichedArticle>> since = new ArrayList<>();
        since.add(new ProducerRecord<>(Topics.ARTICLES.name(), added.id(), added));
        since.add(new ProducerRecord<>(Topics.ARTICLES.name(), "restart-0", null));
        publish(cluster, since);

        try (LiveView view = new LiveView(config, changes::add)) {
            view.start();
            assertThat(view.awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(view.articles(ViewQuery.ALL).total()).isEqualTo(40);
            assertThat(view.article("restart-new")).isPresent();
            assertThat(view.article("restart-0")).isEmpty();
            assertThat(view.article("restart-39")).isPresent();
            assertThat(recordsRead(view)).as("records the restarted view read from the topics").isEqualTo(2);
        }
    }

    /** Records the view's global consumer has read since its start, by the consumer's own metric. */
    private static double recordsRead(LiveView view) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : view.kafkaStreams().metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (name.name().equals("records-consumed-total") && name.group().equals("consumer-fetch-manager-metrics")
                    && !name.tags().containsKey("topic") && name.tags().getOrDefault("client-id", "").contains("global")) {
                total += ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }

    private static void publish(KafkaTestCluster cluster, List<ProducerRecord<String, EnrichedArticle>> records) throws Exception {
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(cluster.clientProperties(),
                Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
            for (ProducerRecord<String, EnrichedArticle> record : records) {
                producer.send(record).get();
            }
        }
    }
}
