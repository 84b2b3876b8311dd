package io.pactwire.enrich;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadReplacementPolicyTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void replacesUpToTheLimitWithinTheWindowThenStops() {
        ManualClock clock = new ManualClock();
        ThreadReplacementPolicy policy = new ThreadReplacementPolicy(3, Duration.ofMinutes(10), clock);
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.replaceAfterFailure()).isFalse();
    }

    @Test
    void failuresOutsideTheWindowNoLongerCount() {
        ManualClock clock = new ManualClock();
        ThreadReplacementPolicy policy = new ThreadReplacementPolicy(2, Duration.ofMinutes(10), clock);
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.replaceAfterFailure()).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(policy.replaceAfterFailure()).isTrue();
        assertThat(policy.recentReplacements()).isEqualTo(1);
    }

    @Test
    void zeroReplacementsMeansTheFirstFailureStops() {
        assertThat(new ThreadReplacementPolicy(0, Duration.ofMinutes(1), new ManualClock()).replaceAfterFailure()).isFalse();
    }
}
