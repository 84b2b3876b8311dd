package io.pactwire.runtime;

import io.pactwire.topics.Topics;
import io.pactwire.topics.TopicSettings;

import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KafkaTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicProvisionerIT {
    private static final TopicSettings SETTINGS = new TopicSettings(Optional.of(2), Optional.of((short) 1),
            Duration.ofDays(3), Duration.ofDays(30));

    @Test
    @Order(1)
    void createsEveryMissingTopicWithItsContract(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            TopicProvisioner.Report report = new TopicProvisioner(admin, SETTINGS, Duration.ofSeconds(30)).ensure(Topics.all());
            assertThat(report.created()).containsExactlyInAnyOrder("news.raw", "news.enriched", "news.articles", "news.agreements", "news.dlq");
            assertThat(report.verified()).isEmpty();

            Map<String, Config> configs = describe(admin, "news.raw", "news.enriched");
            assertThat(configs.get("news.raw").get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get("news.raw").get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get("news.enriched").get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(configs.get("news.enriched").get("retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(3).toMillis()));
            assertThat(admin.describeTopics(List.of("news.raw")).allTopicNames().get().get("news.raw").partitions()).hasSize(2);
            // the leaders already act as leaders: a write at once would not meet NOT_LEADER_OR_FOLLOWER
            List<org.apache.kafka.common.TopicPartition> partitions = new java.util.ArrayList<>();
            admin.describeTopics(report.created()).allTopicNames().get().values().forEach(d -> d.partitions()
                    .forEach(p -> partitions.add(new org.apache.kafka.common.TopicPartition(d.name(), p.partition()))));
            assertThat(partitions).hasSize(10);
            assertThat(admin.describeProducers(partitions).all().get()).hasSize(10);
        }
    }

    @Test
    @Order(2)
    void verifiesTopicsThatAlreadyExist(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            TopicProvisioner.Report report = new TopicProvisioner(admin, SETTINGS, Duration.ofSeconds(30)).ensure(Topics.all());
            assertThat(report.created()).isEmpty();
            assertThat(report.verified()).containsExactlyInAnyOrder("news.raw", "news.enriched", "news.articles", "news.agreements", "news.dlq");
        }
    }

    @Test
    @Order(3)
    void refusesAnExistingTopicWithAnotherCleanupPolicyNamingTheTopicAndBothPolicies(KafkaTestCluster cluster)
            throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.deleteTopics(List.of("news.articles")).all().get();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> !admin.listTopics().names().get().contains("news.articles"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.createTopics(List.of(new NewTopic("news.articles", 1, (short) 1)
                        .configs(Map.of("cleanup.policy", "delete")))).all().get();
                return true;
            });
            TopicProvisioner provisioner = new TopicProvisioner(admin, SETTINGS, Duration.ofSeconds(30));
            assertThatThrownBy(() -> provisioner.ensure(Topics.all()))
                    .isInstanceOf(TopicConfigMismatchException.class)
                    .hasMessageContaining("topic news.articles has cleanup.policy=delete")
                    .hasMessageContaining("requires cleanup.policy=compact")
                    .satisfies(e -> assertThat(((TopicConfigMismatchException) e).problems()).hasSize(1));
        }
    }

    private static Map<String, Config> describe(Admin admin, String... topics) throws Exception {
        var resources = java.util.Arrays.stream(topics).map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<String, Config> byName = new java.util.HashMap<>();
        admin.describeConfigs(resources).all().get().forEach((resource, config) -> byName.put(resource.name(), config));
        return byName;
    }
}
