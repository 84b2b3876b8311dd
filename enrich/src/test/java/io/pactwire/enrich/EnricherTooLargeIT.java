package io.pactwire.enrich;

import io.pactwire.model.RawArticle;
import io.pactwire.tagger.Tagger;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.topics.DeadLetterHeaders;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.pactwire.enrich.EnrichFixture.article;
import static io.pactwire.enrich.EnrichFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A result too large for news.enriched. Under exactly-once it is refused before it is sent (a result the
 * broker refuses would abort the transaction); at-least-once, the production exception handler
 * dead-letters what the broker refuses.
 */
@KafkaTest
class EnricherTooLargeIT {

    private static void limitEnrichedTo(KafkaTestCluster cluster, int bytes) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENRICHED.name()),
                    List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", Integer.toString(bytes)),
                            AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    @Test
    void underExactlyOnceAResultOverTheTopicsLimitIsDeadLetteredBeforeItIsSent(KafkaTestCluster cluster,
                                                                              @TempDir Path state) throws Exception {
        EnrichFixture fixture = new EnrichFixture(cluster);
        fixture.createTopics();
        limitEnrichedTo(cluster, 20000);
        fixture.publish(List.of(
                record("eos-big", article(RawArticle.of("eos-big", "t", "Japan and Chile. ".repeat(2000)))),
                record("eos-small", article(RawArticle.of("eos-small", "t", "Japan and Chile.")))));
        EnrichConfig config = fixture.config(state, Map.of(EnrichConfig.APPLICATION_ID, "enrich-eos-big"));
        try (EnricherApp app = new EnricherApp(config, Tagger.standard())) {
            app.start();
            List<ConsumerRecord<byte[], byte[]>> letters = fixture.deadLetters()
                    .readUntil(r -> r.stream().anyMatch(l -> "eos-big".equals(EnrichFixture.key(l))), Duration.ofSeconds(90));
            assertThat(letters).filteredOn(l -> "eos-big".equals(EnrichFixture.key(l))).singleElement()
                    .satisfies(letter -> assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.MESSAGE))
                            .contains("over the limit of 18976"));
            assertThat(fixture.enriched().readUntil(r -> r.stream().anyMatch(x -> x.key().equals("eos-small")), Duration.ofSeconds(60)))
                    .extracting(ConsumerRecord::key).doesNotContain("eos-big");
            assertThat(app.awaitRunning(Duration.ofSeconds(30))).as("the enricher is running").isTrue();
            assertThat(EnrichFixture.metric(app, "thread-replacements-total")).isZero();
        }
    }

    @Test
    void atLeastOnceAResultTheBrokerRefusesIsDeadLetteredByTheProductionHandler(KafkaTestCluster cluster,
                                                                               @TempDir Path state) throws Exception {
        EnrichFixture fixture = new EnrichFixture(cluster);
        fixture.createTopics();
        limitEnrichedTo(cluster, 1024 * 1024);
        EnrichConfig config = fixture.config(state, Map.of(EnrichConfig.APPLICATION_ID, "enrich-alo-big",
                EnrichConfig.PROCESSING_GUARANTEE, "at_least_once"));
        try (EnricherApp app = new EnricherApp(config, Tagger.standard())) {
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
            // lowered after start: the enricher's own guard does not know, only the broker refuses
            limitEnrichedTo(cluster, 20000);
            fixture.publish(List.of(
                    record("alo-big", article(RawArticle.of("alo-big", "t", "Japan and Chile. ".repeat(2000)))),
                    record("alo-small", article(RawArticle.of("alo-small", "t", "Japan and Chile.")))));
            List<ConsumerRecord<byte[], byte[]>> letters = fixture.deadLetters()
                    .readUntil(r -> r.stream().anyMatch(l -> "alo-big".equals(EnrichFixture.key(l))), Duration.ofSeconds(90));
            // At-least-once promises a dead letter at least once, not once: here the producer may report the
            // broker's refusal of the one record twice (seen in the log: two callbacks for news.raw-0@2 a few
            // ms apart, as the refused batch is split and sent again), and a task retried before its offset
            // is committed processes the record again. Every copy must be the same dead letter of the same
            // record; under exactly-once (the test above) there is exactly one.
            List<ConsumerRecord<byte[], byte[]>> big = letters.stream().filter(l -> "alo-big".equals(EnrichFixture.key(l))).toList();
            assertThat(big).isNotEmpty().allSatisfy(letter -> {
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.EXCEPTION))
                        .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.TOPIC)).isEqualTo(Topics.RAW.name());
                assertThat(letter.value()).isEqualTo(big.get(0).value());
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.OFFSET))
                        .isEqualTo(DeadLetterHeaders.text(big.get(0).headers(), DeadLetterHeaders.OFFSET));
            });
            assertThat(fixture.enriched().readUntil(r -> r.stream().anyMatch(x -> x.key().equals("alo-small")), Duration.ofSeconds(60)))
                    .extracting(ConsumerRecord::key).doesNotContain("alo-big");
            assertThat(app.awaitRunning(Duration.ofSeconds(30))).as("the enricher is running").isTrue();
            assertThat(EnrichFixture.metric(app, "thread-replacements-total")).isZero();
        }
    }
}
