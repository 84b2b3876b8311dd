package io.pactwire.tagger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tagger is pure: it uses the model's records, and nothing of Kafka is on its class path. */
class NoKafkaTest {

    @Test
    void kafkaIsNotOnTheTaggersClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.kafka.common.serialization.Serde"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.kafka.clients.producer.KafkaProducer"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
