package io.pactwire.cli;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayFromTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void readsEarliestInstantsAndDurations() {
        assertThat(Replay.From.parse("earliest", CLOCK).instant()).isNull();
        assertThat(Replay.From.parse("2018-01-16T00:00:00Z", CLOCK).instant()).isEqualTo(Instant.parse("2018-01-16T00:00:00Z"));
        assertThat(Replay.From.parse("7d", CLOCK).instant()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(Replay.From.parse("12h", CLOCK).instant()).isEqualTo(NOW.minus(Duration.ofHours(12)));
        assertThat(Replay.From.parse("30m", CLOCK).instant()).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        assertThat(Replay.From.parse("2w", CLOCK).instant()).isEqualTo(NOW.minus(Duration.ofDays(14)));
        assertThat(Replay.From.parse("PT6H", CLOCK).instant()).isEqualTo(NOW.minus(Duration.ofHours(6)));
    }

    @Test
    void anythingElseIsAClearError() {
        assertThatThrownBy(() -> Replay.From.parse("last tuesday", CLOCK))
                .isInstanceOf(picocli.CommandLine.TypeConversionException.class)
                .hasMessage("'last tuesday' is not earliest, an ISO-8601 instant (2018-01-16T00:00:00Z) or a duration back"
                        + " from now (30s, 5m, 12h, 7d or ISO-8601 such as PT5M)");
    }
}
