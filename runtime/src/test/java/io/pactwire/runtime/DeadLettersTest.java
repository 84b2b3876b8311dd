package io.pactwire.runtime;

import io.pactwire.topics.Topics;
import io.pactwire.topics.DeadLetterHeaders;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    @Test
    void aReasonQuotingAHugeKeyIsCutSoTheLetterIsTheRecordPlusABoundedReason() {
        String key = "k".repeat(12 * 1024 * 1024);
        ProducerRecord<byte[], byte[]> letter = DeadLetters.of(Topics.DEAD_LETTERS.name(), key.getBytes(StandardCharsets.US_ASCII), new byte[] {'{', '}'},
                new RecordHeaders(), 5L, "news.raw", 1, 7L, new IllegalStateException("key '" + key + "' is bad"));
        int headerBytes = 0;
        for (var header : letter.headers()) {
            headerBytes += header.key().length() + header.value().length;
        }
        assertThat(headerBytes).isLessThanOrEqualTo(DeadLetters.MAX_REASON_BYTES);
        String message = DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.MESSAGE);
        assertThat(message).startsWith("key 'kkk").endsWith("[truncated: " + (key.length() + 13) + " bytes in all]");
        assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(DeadLetters.MAX_MESSAGE_BYTES);
        assertThat(letter.key()).hasSize(key.length());
    }

    @Test
    void truncationNeverCutsAMultiByteCharacter() {
        byte[] cut = DeadLetters.truncated("\u00e9".repeat(10_000), 101);
        String text = new String(cut, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\ufffd").startsWith("\u00e9\u00e9").endsWith("bytes in all]");
        assertThat(cut.length).isLessThanOrEqualTo(101);
    }

    @Test
    void shortReasonsAreKeptWhole() {
        assertThat(DeadLetters.truncated("field 'id': must not be blank", 100))
                .isEqualTo("field 'id': must not be blank".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void abbreviatesLongTextForAMessageWithItsLength() {
        assertThat(DeadLetters.abbreviate("short-id")).isEqualTo("short-id");
        assertThat(DeadLetters.abbreviate("x".repeat(1000))).isEqualTo("x".repeat(DeadLetters.QUOTED_CHARS) + "\u2026 (1000 chars)");
        String surrogates = "a".repeat(DeadLetters.QUOTED_CHARS - 1) + "\ud83d\ude00" + "b".repeat(10);
        assertThat(DeadLetters.abbreviate(surrogates)).startsWith("a".repeat(DeadLetters.QUOTED_CHARS - 1) + "\u2026");
    }
}
