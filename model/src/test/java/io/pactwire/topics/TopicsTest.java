package io.pactwire.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void rawArticlesAndAgreementsAreCompactedAndNeverDeletedByTime() {
        for (TopicDescriptor<?, ?> topic : new TopicDescriptor<?, ?>[] {Topics.RAW, Topics.ARTICLES, Topics.AGREEMENTS}) {
            assertThat(topic.configs(TopicSettings.defaults()))
                    .containsEntry("cleanup.policy", "compact")
                    .containsEntry("retention.ms", "-1");
        }
    }

    @Test
    void rawTakesOversizedArticlesAndDeadLettersTakeThemWithHeaders() {
        assertThat(Integer.parseInt(Topics.RAW.configs(TopicSettings.defaults()).get("max.message.bytes")))
                .isEqualTo(16 * 1024 * 1024);
        assertThat(Integer.parseInt(Topics.DEAD_LETTERS.configs(TopicSettings.defaults()).get("max.message.bytes")))
                .isGreaterThan(16 * 1024 * 1024);
    }

    @Test
    void enrichedAndDeadLettersDeleteAfterTheirConfiguredRetention() {
        TopicSettings settings = new TopicSettings(Optional.of(6), Optional.of((short) 3), Duration.ofDays(2), Duration.ofDays(9));
        assertThat(Topics.ENRICHED.configs(settings))
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(2).toMillis()));
        assertThat(Topics.DEAD_LETTERS.configs(settings))
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(9).toMillis()));
        NewTopic newTopic = Topics.ENRICHED.newTopic(settings);
        assertThat(newTopic.numPartitions()).isEqualTo(6);
        assertThat(newTopic.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void brokerDefaultsApplyWhenPartitionsAndReplicationAreNotGiven() {
        TopicSettings settings = new TopicSettings(Optional.empty(), Optional.empty(), Duration.ofDays(1), Duration.ofDays(1));
        NewTopic newTopic = Topics.RAW.newTopic(settings);
        assertThat(newTopic.numPartitions()).isEqualTo(-1);
        assertThat(newTopic.replicationFactor()).isEqualTo((short) -1);
    }

    @Test
    void everyTopicHasAnOwnerAndEachServiceProvisionsOnlyWhatItWrites() {
        assertThat(Topics.writersOf(Topics.RAW)).containsExactly(Topics.Service.INGEST);
        assertThat(Topics.writersOf(Topics.ARTICLES)).containsExactly(Topics.Service.STORE);
        assertThat(Topics.writersOf(Topics.DEAD_LETTERS)).containsExactly(Topics.Service.ENRICH, Topics.Service.STORE);
        assertThat(Topics.all()).allSatisfy(topic -> assertThat(Topics.writersOf(topic)).isNotEmpty());
        assertThat(Topics.usedBy(Topics.Service.INGEST)).containsExactly(Topics.RAW);
        assertThat(Topics.usedBy(Topics.Service.STORE)).containsExactly(Topics.ENRICHED, Topics.ARTICLES, Topics.DEAD_LETTERS);
        assertThat(Topics.usedBy(Topics.Service.ENRICH)).doesNotContain(Topics.ARTICLES);
    }

    @Test
    void topicNamesAreTheDocumentedOnes() {
        assertThat(Topics.all()).extracting(TopicDescriptor::name)
                .containsExactly("news.raw", "news.enriched", "news.articles", "news.agreements", "news.dlq");
    }

    @Test
    void cleanupPolicyComparisonIgnoresOrderAndSpacing() {
        assertThat(CleanupPolicy.COMPACT.matches("compact")).isTrue();
        assertThat(CleanupPolicy.COMPACT.matches(" COMPACT ")).isTrue();
        assertThat(CleanupPolicy.COMPACT.matches("compact,delete")).isFalse();
        assertThat(CleanupPolicy.DELETE.matches("compact")).isFalse();
        assertThat(CleanupPolicy.DELETE.matches(null)).isFalse();
    }
}
