package io.pactwire.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class UtcInstantsTest {
    private static final ObjectMapper JACKSON_ONLY = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final ObjectMapper JACKSON_WRITING_TEXT = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void writesWhatJacksonsOwnSerializerWritesAtEveryPrecisionAndYear() throws Exception {
        Random random = new Random(9);
        for (int i = 0; i < 100_000; i++) {
            Instant truncated = randomInstant(random, -70_000_000_000L, 260_000_000_000L);
            assertThat(Json.mapper().writeValueAsString(truncated)).as(truncated.toString())
                    .isEqualTo(JACKSON_WRITING_TEXT.writeValueAsString(truncated));
        }
        for (Instant edge : List.of(Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2026-11-21T08:00:00.000001Z"))) {
            assertThat(Json.mapper().writeValueAsString(edge)).as(edge.toString()).isEqualTo(JACKSON_WRITING_TEXT.writeValueAsString(edge));
        }
    }

    /**
     * An instant between the epoch seconds given, at one of the precisions Instant writes (seconds; milli-,
     * micro- or nanoseconds; a millisecond plus tenths of one, which needs six digits).
     */
    private static Instant randomInstant(Random random, long fromSecond, long toSecond) {
        Instant instant = Instant.ofEpochSecond(random.nextLong(fromSecond, toSecond), random.nextInt(1_000_000_000));
        return switch (random.nextInt(5)) {
            case 0 -> instant.truncatedTo(ChronoUnit.SECONDS);
            case 1 -> instant.truncatedTo(ChronoUnit.MILLIS);
            case 2 -> instant.truncatedTo(ChronoUnit.MICROS);
            case 3 -> instant.truncatedTo(ChronoUnit.MILLIS).plusNanos(random.nextInt(10) * 100_000L);
            default -> instant;
        };
    }

    @Test
    void readsWhatInstantWritesAtEveryPrecision() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            Instant truncated = randomInstant(random, -62_000_000_000L, 250_000_000_000L);
            String text = truncated.toString();
            if (text.length() >= 20 && text.charAt(4) == '-') { // four-digit years; others go to Jackson's parser
                assertThat(UtcInstants.parse(text)).as(text).isEqualTo(truncated);
            }
        }
        assertThat(UtcInstants.parse("2026-11-21T08:00:00.1Z")).isEqualTo(Instant.parse("2026-11-21T08:00:00.100Z"));
    }

    @Test
    void otherFormsAreLeftToJacksonsParserWithItsResultsAndErrors() throws Exception {
        for (String text : List.of("2026-11-21T08:00:00+01:00", "2026-02-30T08:00:00Z", "2026-11-21T24:00:00Z",
                "2026-11-21T08:00:60Z", "2026-11-21 08:00:00Z", "2026-11-21T08:00:00.Z", "2026-11-21T08:00:00.1234567890Z",
                "+12026-11-21T08:00:00Z", "2026-1a-21T08:00:00Z", "yesterday")) {
            assertThat(UtcInstants.parse(text)).as(text).isNull();
            String json = "\"" + text + "\"";
            Throwable expected = catchThrowable(() -> JACKSON_ONLY.readValue(json, Instant.class));
            Throwable actual = catchThrowable(() -> Json.mapper().readValue(json, Instant.class));
            if (expected == null) {
                assertThat(Json.mapper().readValue(json, Instant.class)).as(text).isEqualTo(JACKSON_ONLY.readValue(json, Instant.class));
            } else {
                assertThat(actual).as(text).isNotNull().hasMessage(expected.getMessage());
            }
        }
        assertThat(Json.mapper().readValue("1700000000.5", Instant.class)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
    }
}
