package io.pactwire.bench.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's ratios: that of the medians, then each round's against the ceiling of the same round. */
class ResultsTest {

    @Test
    void aRatioShowsEachRoundAgainstItsOwnCeiling() {
        Results results = new Results(3, 2000, 30, "test");
        results.roundRatio("ingest", measured(50), measured(100));
        results.roundRatio("ingest", measured(90), measured(120));
        results.roundRatio("bare-reading", measured(70), measured(100));
        assertThat(results.ratio(0.6, "ingest")).isEqualTo("**0.60** (rounds: 0.50, 0.75)");
        assertThat(results.ratio(0.7, "bare-reading")).isEqualTo("**0.70** (rounds: 0.70)");
    }

    /** {@code perSecond} records in one second. */
    private static Measured measured(long perSecond) {
        return new Measured(perSecond, 0, 1_000_000_000L);
    }
}
