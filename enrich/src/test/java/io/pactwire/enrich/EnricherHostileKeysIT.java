package io.pactwire.enrich;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.tagger.Tagger;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.topics.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pactwire.enrich.EnrichFixture.article;
import static io.pactwire.enrich.EnrichFixture.json;
import static io.pactwire.enrich.EnrichFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys built to break the dead-letter path (issue 17): a key of 12 MB or 1 MB that is not the value's id, whose
 * reason once quoted it in full (three copies in one dead letter, over what the producer takes: the thread
 * failed, was replaced three times and the enricher stopped), and a key that is not UTF-8 but reads as the id
 * through a lossy decoder. Each is one dead letter of the original record plus a bounded reason; the stream
 * goes on.
 */
@KafkaTest
class EnricherHostileKeysIT {

    @Test
    void hostileKeysAreDeadLetteredWithAReasonOfBoundedSizeAndTheStreamGoesOn(KafkaTestCluster cluster, @TempDir Path state)
            throws Exception {
        EnrichFixture fixture = new EnrichFixture(cluster);
        fixture.createTopics();
        byte[] twelveMegabytes = "k".repeat(12 * 1024 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] oneMegabyte = "m".repeat(1024 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        // "lossy-\xFF" reads as "lossy-\uFFFD" through a lossy decoder: the value's id, but not the key
        byte[] notUtf8 = {'l', 'o', 's', 's', 'y', '-', (byte) 0xFF};
        List<byte[][]> input = List.of(
                new byte[][] {twelveMegabytes, article(RawArticle.of("twelve-megabyte-key", "t", "A body."))},
                new byte[][] {oneMegabyte, article(RawArticle.of("one-megabyte-key", "t", "A body."))},
                new byte[][] {notUtf8, article(RawArticle.of("lossy-\uFFFD", "t", "A body."))},
                record("good-after", article(RawArticle.of("good-after", "Chile", "Chile and Peru signed a trade agreement."))));
        fixture.publish(input);

        try (EnricherApp app = new EnricherApp(fixture.config(state, Map.of()), Tagger.standard())) {
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
            List<ConsumerRecord<String, EnrichedArticle>> results = fixture.enriched().readUntil(r -> r.size() >= 1, Duration.ofSeconds(90));
            List<ConsumerRecord<byte[], byte[]>> letters = fixture.deadLetters().readUntil(r -> r.size() >= 3, Duration.ofSeconds(90));
            assertThat(results).extracting(ConsumerRecord::key).containsExactly("good-after");
            assertThat(letters).hasSize(3);
            for (int i = 0; i < 3; i++) {
                byte[][] sent = input.get(i);
                ConsumerRecord<byte[], byte[]> letter = letters.stream().filter(l -> Arrays.equals(l.key(), sent[0]))
                        .findFirst().orElseThrow(() -> new AssertionError("no dead letter with the key of input " + sent[0].length + " bytes long"));
                assertThat(letter.value()).as("the original value of letter %d", i).isEqualTo(sent[1]);
                int reasonBytes = 0;
                for (org.apache.kafka.common.header.Header header : letter.headers()) {
                    reasonBytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
                }
                assertThat(reasonBytes).as("headers of letter %d", i).isLessThanOrEqualTo(io.pactwire.runtime.DeadLetters.MAX_REASON_BYTES);
                String message = DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.MESSAGE);
                switch (i) {
                    case 0 -> assertThat(message).startsWith("key 'kkkk")
                            .contains("(12582912 chars)' does not match the value's id 'twelve-megabyte-key'");
                    case 1 -> assertThat(message).contains("(1048576 chars)' does not match the value's id 'one-megabyte-key'");
                    default -> assertThat(message).contains("not valid UTF-8");
                }
            }

            int out = fixture.enriched().readToEnd(Duration.ofSeconds(30)).size();
            int dead = fixture.deadLetters().readToEnd(Duration.ofSeconds(30)).size();
            assertThat(out + dead).isEqualTo(input.size());
            assertThat(app.awaitRunning(Duration.ofSeconds(30))).as("the enricher is running").isTrue();
            assertThat(EnrichFixture.metric(app, "thread-replacements-total")).isZero();
        }
    }
}
