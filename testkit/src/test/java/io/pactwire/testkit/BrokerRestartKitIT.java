package io.pactwire.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded broker stopped and started again: same address, same data, and clients carry on. */
@KafkaTest(backend = Backend.EMBEDDED)
class BrokerRestartKitIT {

    @Test
    void aRestartedBrokerKeepsItsAddressAndItsRecords(KafkaTestCluster cluster) throws Exception {
        String address = cluster.bootstrapServers();
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic("restart.kit", 1, (short) 1))).all().get();
        }
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart.kit", "before", "1")).get();

            cluster.stopBrokers();
            // sent while the broker is down (send() may block for metadata, hence another thread): the same
            // producer delivers it once the broker is back
            CompletableFuture<Void> pending = CompletableFuture.runAsync(() -> {
                try {
                    producer.send(new ProducerRecord<>("restart.kit", "during", "2")).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            });
            cluster.startBrokers();
            pending.get(60, TimeUnit.SECONDS);
        }

        assertThat(cluster.bootstrapServers()).isEqualTo(address);
        TopicPartition partition = new TopicPartition("restart.kit", 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cluster.clientProperties(), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            assertThat(consumer.endOffsets(List.of(partition))).containsEntry(partition, 2L);
            List<String> keys = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                        return keys.size() >= 2;
                    });
            assertThat(keys).containsExactly("before", "during");
        }
    }
}
