package io.pactwire.enrich;

import io.pactwire.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadReplacementPolicyTest {


    @Test
    void replacesUpToTheLimitWithinTheWindowThenStops() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-21T00:00:00Z"));
        ThreadReplacementPolicy policy = new ThreadReplacementPolicy(3, Duration.ofMinutes(10), clock);
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.replaceAfterFailure()).isFalse();
    }

    @Test
    void failuresOutsideTheWindowNoLongerCount() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-21T00:00:00Z"));
        ThreadReplacementPolicy policy = new ThreadReplacementPolicy(2, Duration.ofMinutes(10), clock);
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.replaceAfterFailure()).isTrue();
        clock.advance(Duration.ofMinutes(11));
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.recentReplacements()).isEqualTo(1);
    }

    @Test
    void zeroReplacementsMeansTheFirstFailureStops() {
        assertThat(new ThreadReplacementPolicy(0, Duration.ofMinutes(1), new ManualClock(Instant.parse("2026-11-21T00:00:00Z"))).replaceAfterFailure()).isFalse();
    }
}
