package io.pactwire.store;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.model.Versions;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's decisions, without Kafka: what each record of news.enriched does given what is stored. */
class StoreFoldTest {
    private static final Versions V1 = new Versions("t-1", "g-1", "r-1");
    private static final Versions V2 = new Versions("t-1", "g-1", "r-2");

    private final Map<String, StoredResult> stored = new HashMap<>();
    private final StoreFold fold = new StoreFold(id -> Optional.ofNullable(stored.get(id)));

    @Test
    void aNewerResultIsWrittenAnOlderOneSkippedAsStaleTheSameOneAsADuplicate() {
        stored.put("a", StoredResult.of(article("a", 2, V1)));

        assertThat(fold.apply(record("a", article("a", 1, V2)))).isInstanceOf(StoreFold.SkipStale.class);
        assertThat(fold.apply(record("a", article("a", 2, V1)))).isEqualTo(new StoreFold.SkipDuplicate("a"));
        assertThat(fold.apply(record("a", article("a", 2, V2))))
                .isEqualTo(new StoreFold.Write("a", StoredResult.of(article("a", 2, V2))));
        assertThat(fold.apply(record("b", article("b", 1, V1)))).as("nothing stored yet").isInstanceOf(StoreFold.Write.class);

        assertThat(fold.changes()).containsOnlyKeys("a", "b");
        assertThat(fold.counts().stored).isEqualTo(2);
        assertThat(fold.counts().skippedStale).isEqualTo(1);
        assertThat(fold.counts().skippedDuplicate).isEqualTo(1);
    }

    @Test
    void aRecordSeesWhatTheRecordsBeforeItInTheTransactionDecided() {
        stored.put("a", StoredResult.of(article("a", 1, V1)));

        fold.apply(record("a", article("a", 3, V1)));
        StoreFold.Step older = fold.apply(record("a", article("a", 2, V1)));
        fold.apply(tombstone("a"));
        StoreFold.Step afterRetraction = fold.apply(record("a", article("a", 1, V1)));

        assertThat(older).isEqualTo(new StoreFold.SkipStale("a", StoredResult.of(article("a", 2, V1)),
                StoredResult.of(article("a", 3, V1))));
        assertThat(afterRetraction).as("retracted in this transaction: nothing stored").isInstanceOf(StoreFold.Write.class);
        assertThat(fold.changes()).containsEntry("a", Optional.of(StoredResult.of(article("a", 1, V1))));
        assertThat(stored.get("a")).as("the fold changes nothing it was given").isEqualTo(StoredResult.of(article("a", 1, V1)));
    }

    @Test
    void aTombstoneRetractsAndWhatCannotBeReadIsADeadLetterWithItsReason() {
        assertThat(fold.apply(tombstone("a"))).isEqualTo(new StoreFold.Retract("a"));
        assertThat(fold.apply(new ConsumerRecord<>(Topics.ENRICHED.name(), 0, 1, null, value(article("b", 1, V1)))))
                .isEqualTo(new StoreFold.DeadLetter("record has no key (the article id)"));
        assertThat(fold.apply(new ConsumerRecord<>(Topics.ENRICHED.name(), 0, 2, bytes("c"), value(article("other", 1, V1)))))
                .isEqualTo(new StoreFold.DeadLetter("key 'c' does not match the value's id 'other'"));
        assertThat(fold.apply(new ConsumerRecord<>(Topics.ENRICHED.name(), 0, 3, bytes("d"), bytes("{\"id\":\"d\""))))
                .isInstanceOfSatisfying(StoreFold.DeadLetter.class, d -> assertThat(d.problem()).contains("not valid JSON"));

        assertThat(fold.changes()).isEqualTo(Map.of("a", Optional.empty()));
        assertThat(fold.counts().retracted).isEqualTo(1);
        assertThat(fold.counts().deadLetters).isEqualTo(3);
    }

    @Test
    void aStoredResultComesBackFromTheIndexAsItWent() {
        StoredResult result = StoredResult.of(article("a", 4, V2));
        StoredResult noTime = new StoredResult(1, V1, "hash", null);

        assertThat(CurrentView.decode(CurrentView.encode(result))).isEqualTo(result);
        assertThat(CurrentView.decode(CurrentView.encode(noTime))).isEqualTo(noTime);
    }

    private static EnrichedArticle article(String id, int revision, Versions versions) {
        RawArticle raw = new RawArticle(id, null, null, "Title " + id, "Body of " + id + " rev " + revision, null, null,
                null, null, revision, null);
        return EnrichedArticle.of(raw, List.of(), List.of(), versions, Instant.parse("2026-11-21T08:00:00Z"));
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, EnrichedArticle article) {
        return new ConsumerRecord<>(Topics.ENRICHED.name(), 0, 0, bytes(key), value(article));
    }

    private static ConsumerRecord<byte[], byte[]> tombstone(String key) {
        return new ConsumerRecord<>(Topics.ENRICHED.name(), 0, 0, bytes(key), null);
    }

    private static byte[] value(EnrichedArticle article) {
        return Serdes.ENRICHED_ARTICLE.serialize(Topics.ENRICHED.name(), article);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
