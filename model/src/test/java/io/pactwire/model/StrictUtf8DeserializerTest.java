package io.pactwire.model;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictUtf8DeserializerTest {
    private final StrictUtf8Deserializer keys = new StrictUtf8Deserializer();

    @Test
    void readsUtf8Keys() {
        assertThat(keys.deserialize("news.raw", "Br\u00e9sil-\ud83d\ude00".getBytes(StandardCharsets.UTF_8))).isEqualTo("Br\u00e9sil-\ud83d\ude00");
        assertThat(keys.deserialize("news.raw", null)).isNull();
    }

    @Test
    void refusesBytesThatALossyDecoderWouldTurnIntoTheReplacementCharacter() {
        for (byte[] bad : new byte[][] {{'a', (byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}}) {
            assertThatThrownBy(() -> keys.deserialize("news.raw", bad)).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic 'news.raw' is not valid UTF-8");
        }
    }
}
