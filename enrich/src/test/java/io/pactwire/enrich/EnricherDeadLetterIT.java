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

/** Poison pills on a real broker: each one a dead letter with its reason; the stream goes on. */
@KafkaTest
class EnricherDeadLetterIT {

    @Test
    void everyKindOfBadRecordIsDeadLetteredWithItsReasonAndNothingIsLost(KafkaTestCluster cluster, @TempDir Path state)
            throws Exception {
        EnrichFixture fixture = new EnrichFixture(cluster);
        fixture.createTopics();
        // expected reason (a fragment of the dead letter's message), by key
        Map<String, String> bad = new HashMap<>();
        List<byte[][]> input = new ArrayList<>();
        input.add(record("good-1", article(RawArticle.of("good-1", "Luxembourg and China sign MoU",
                "Luxembourg and China signed a memorandum of understanding."))));
        input.add(record("not-json", json("{this is not json")));
        bad.put("not-json", "not valid JSON");
        input.add(record("wrong-type", json("{\"id\":42,\"title\":\"t\",\"body\":\"b\"}")));
        bad.put("wrong-type", "field 'id'");
        input.add(record("missing-id", json("{\"title\":\"t\",\"body\":\"b\"}")));
        bad.put("missing-id", "field 'id': must not be blank");
        input.add(record("empty-body", json("{\"id\":\"empty-body\",\"title\":\"t\",\"body\":\"\"}")));
        bad.put("empty-body", "field 'body': must not be blank");
        input.add(record("huge-body", article(RawArticle.of("huge-body", "t", "Japan and China. ".repeat(5 * 1024 * 1024 / 17)))));
        bad.put("huge-body", "over the limit of 1048576 (enrich.max.body.chars)");
        byte[] latin1 = "{\"id\":\"bad-utf8\",\"title\":\"t\",\"body\":\"caf\u00e9 in Paris\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        input.add(record("bad-utf8", latin1));
        bad.put("bad-utf8", "UTF-8");
        input.add(record("deep", json("{\"id\":\"deep\",\"body\":\"b\",\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}")));
        bad.put("deep", "nesting depth");
        input.add(record("mismatch", article(RawArticle.of("another-id", "t", "Body of another article."))));
        bad.put("mismatch", "key 'mismatch' does not match the value's id 'another-id'");
        input.add(record("array", json("[1,2,3]")));
        bad.put("array", "RawArticle");
        input.add(record("json-null", json("null")));
        bad.put("json-null", "JSON literal null");
        input.add(record("empty-bytes", new byte[0]));
        bad.put("empty-bytes", "RawArticle");
        input.add(record("bad-date", json("{\"id\":\"bad-date\",\"body\":\"b\",\"publishedAt\":\"yesterday\"}")));
        bad.put("bad-date", "field 'publishedAt'");
        input.add(record("negative-revision", json("{\"id\":\"negative-revision\",\"body\":\"b\",\"revision\":-1}")));
        bad.put("negative-revision", "field 'revision'");
        input.add(record("huge-result", article(RawArticle.of("huge-result", "t", "Japan ".repeat(150_000)))));
        bad.put("huge-result", "over the limit of 1000000 (enrich.max.result.bytes");
        input.add(record("good-2", article(RawArticle.of("good-2", "Chile", "Chile and Peru signed a trade agreement."))));
        // (a record without a key cannot be on news.raw: the broker refuses it on a compacted topic)
        int badCount = bad.size();
        assertThat(badCount).isGreaterThanOrEqualTo(12);
        fixture.publish(input);

        try (EnricherApp app = new EnricherApp(fixture.config(state, Map.of()), Tagger.standard())) {
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
            List<ConsumerRecord<String, EnrichedArticle>> allResults = fixture.enriched()
                    .readUntil(r -> r.size() >= 2, Duration.ofSeconds(60));
            List<ConsumerRecord<byte[], byte[]>> letters = fixture.deadLetters()
                    .readUntil(r -> r.size() + allResults.size() >= input.size(), Duration.ofSeconds(90));
            List<ConsumerRecord<String, EnrichedArticle>> results = fixture.enriched()
                    .readUntil(r -> r.size() >= 2, Duration.ofSeconds(60));
            assertThat(letters).extracting(EnrichFixture::key).containsExactlyInAnyOrderElementsOf(bad.keySet());
            assertThat(results).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("good-1", "good-2");
            Map<String, byte[]> sent = new HashMap<>();
            input.forEach(kv -> sent.put(kv[0] == null ? null : new String(kv[0], java.nio.charset.StandardCharsets.UTF_8), kv[1]));
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                String key = EnrichFixture.key(letter);
                String message = DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.MESSAGE);
                assertThat(Arrays.equals(letter.value(), sent.get(key))).as("original bytes of " + key).isTrue();
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.TOPIC)).isEqualTo("news.raw");
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.PARTITION)).matches("\\d+");
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.OFFSET)).matches("\\d+");
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.EXCEPTION)).isNotBlank();
                assertThat(message).as("reason for " + key).contains(bad.get(key));
            }
            assertThat(letters).extracting(EnrichFixture::key).containsExactlyInAnyOrderElementsOf(bad.keySet());

            // count in = count out + count dead-lettered, and nothing more arrives
            int out = fixture.enriched().readToEnd(Duration.ofSeconds(30)).size();
            int dead = fixture.deadLetters().readToEnd(Duration.ofSeconds(30)).size();
            assertThat(out + dead).isEqualTo(input.size());
            assertThat(app.awaitRunning(Duration.ofSeconds(30))).as("the enricher is running").isTrue();
            assertThat(EnrichFixture.metric(app, "thread-replacements-total")).isZero();
        }
    }
}
