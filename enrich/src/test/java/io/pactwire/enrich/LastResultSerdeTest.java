package io.pactwire.enrich;

import io.pactwire.model.JsonSerde;
import io.pactwire.model.Versions;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastResultSerdeTest {
    private static final String TOPIC = "pactwire-enricher-last-results-changelog";
    private static final Versions VERSIONS = new Versions("tagger-3", "gazetteer-7", "agreements-8");
    private static final String HASH = "9f2c1e0b7a6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a2";

    private final LastResultSerde serde = new LastResultSerde();

    @Test
    void aLastResultComesBackAsItWasWritten() {
        for (LastResult last : List.of(
                new LastResult(HASH, VERSIONS, List.of()),
                new LastResult(HASH, VERSIONS, List.of("lu-jp:0a1b2c", "lu-jp:3d4e5f")),
                new LastResult("ü", new Versions("t-é", "g-日本", "r-\uD83D\uDE00"), List.of("日本-ルクセンブルク:1")),
                new LastResult(HASH, VERSIONS, IntStream.range(0, 300).mapToObj(i -> "a".repeat(i) + ":" + i).toList()))) {
            assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, last))).isEqualTo(last);
        }
    }

    @Test
    void itIsFewerBytesThanTheJsonItReplaces() {
        LastResult last = new LastResult(HASH, VERSIONS, List.of());
        byte[] compact = serde.serialize(TOPIC, last);
        byte[] json = new JsonSerde<>(LastResult.class).serialize(TOPIC, last);
        assertThat(compact[0]).isEqualTo(LastResultSerde.FORMAT);
        assertThat(compact.length).isLessThan(json.length * 2 / 3);
    }

    @Test
    void theJsonOfEarlierReleasesIsStillRead() {
        LastResult last = new LastResult(HASH, VERSIONS, List.of("lu-ru:77"));
        byte[] json = ("{\"contentHash\":\"" + HASH + "\",\"versions\":{\"tagger\":\"tagger-3\",\"gazetteer\":\"gazetteer-7\","
                + "\"rules\":\"agreements-8\"},\"agreementIds\":[\"lu-ru:77\"]}").getBytes(StandardCharsets.UTF_8);
        assertThat(serde.deserialize(TOPIC, json)).isEqualTo(last);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serde.serialize(TOPIC, null)).isNull();
        assertThat(serde.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void bytesOfNeitherFormatAreRefusedWithWhatTheyStartWith() {
        assertThatThrownBy(() -> serde.deserialize(TOPIC, new byte[] {7, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot read a last result from " + TOPIC + ": unknown format byte 7 (expected 1 or a JSON object)");
        assertThatThrownBy(() -> serde.deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageEndingWith(": no bytes");
    }

    @Test
    void aValueCutShortOrWithBytesLeftOverIsRefused() {
        byte[] whole = serde.serialize(TOPIC, new LastResult(HASH, VERSIONS, List.of("lu-jp:1")));
        for (int length = 1; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> serde.deserialize(TOPIC, cut))
                    .as("cut to %d of %d bytes", length, whole.length)
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("Cannot read a last result from " + TOPIC + ": ");
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 2);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageEndingWith(": 2 bytes after its last field");
    }

    @Test
    void aBlankVersionIsRefusedAsCorrupt() {
        byte[] blank = {LastResultSerde.FORMAT, 1, 'h', 0, 1, 'g', 1, 'r', 0};
        assertThatThrownBy(() -> serde.deserialize(TOPIC, blank))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("tagger");
    }
}
