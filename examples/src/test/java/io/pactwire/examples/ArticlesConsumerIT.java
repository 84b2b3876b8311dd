package io.pactwire.examples;

import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@KafkaTest
class ArticlesConsumerIT {

    @Test
    void readsTheDocumentedJsonAndSeesRetractions(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic("news.articles", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.clientProperties(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("news.articles", "lu-cn", "{\"id\":\"lu-cn\",\"title\":\"Luxembourg and China\","
                    + "\"countries\":[{\"code\":\"LU\"},{\"code\":\"CN\"}],"
                    + "\"agreements\":[{\"type\":\"MEMORANDUM_OF_UNDERSTANDING\"}],\"futureField\":1}")).get();
            producer.send(new ProducerRecord<>("news.articles", "old", null)).get();
        }
        List<ArticlesConsumer.Article> seen = new ArrayList<>();
        try (ArticlesConsumer consumer = new ArticlesConsumer(cluster.bootstrapServers(), "example-service")) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (seen.size() < 2 && Instant.now().isBefore(deadline)) {
                consumer.pollOnce(Duration.ofMillis(500), seen::add);
            }
        }
        assertThat(seen).containsExactly(
                new ArticlesConsumer.Article("lu-cn", "Luxembourg and China", List.of("LU", "CN"),
                        List.of("MEMORANDUM_OF_UNDERSTANDING"), false),
                new ArticlesConsumer.Article("old", null, List.of(), List.of(), true));
        assertThat(seen.get(0).toString()).isEqualTo("lu-cn\tLuxembourg and China\tLU,CN\tMEMORANDUM_OF_UNDERSTANDING");
    }
}
