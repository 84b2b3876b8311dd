package io.pactwire.bench.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history stage's growth figures and its target: 10x the history, at most 1.5x the restart time and heap. */
class RestartsTest {
    private static final long MB = 1024 * 1024;

    @Test
    void aServicesGrowthIsFromItsFewestArticlesToItsMost() {
        Restarts restarts = new Restarts();
        restarts.add(new Restarts.Restart("store", 1_000_000, 1_000, 60_000, 500 * MB));
        restarts.add(new Restarts.Restart("store", 100_000, 1_000, 8_000, 80 * MB));
        assertThat(restarts.growth()).singleElement().satisfies(g -> {
            assertThat(g.fewer()).isEqualTo(100_000);
            assertThat(g.more()).isEqualTo(1_000_000);
            assertThat(g.time()).as("first new record out: 60 s against 8 s").isEqualTo(7.5);
            assertThat(g.heap()).isEqualTo(500.0 / 80);
            assertThat(g.targeted()).isTrue();
            assertThat(g.met()).isFalse();
        });
        assertThat(restarts.targetsMet()).isFalse();
    }

    @Test
    void aRestartIsUntilReadyAndItsFirstNewRecordIsOut() {
        assertThat(new Restarts.Restart("store", 10, 1_200, 4_500, MB).restartMillis()).isEqualTo(4_500);
        assertThat(new Restarts.Restart("enrich", 10, 3_000, 2_900, MB).restartMillis()).isEqualTo(3_000);
        assertThat(new Restarts.Restart("ingest", 10, 2_000, -1, MB).restartMillis()).as("no probe").isEqualTo(2_000);
    }

    @Test
    void theTargetIsMetAtOneAndAHalfTimesAndNotAbove() {
        Restarts restarts = new Restarts();
        restarts.add(new Restarts.Restart("ingest", 100_000, 2_000, -1, 40 * MB));
        restarts.add(new Restarts.Restart("ingest", 1_000_000, 3_000, -1, 60 * MB));
        restarts.add(new Restarts.Restart("enrich", 100_000, 2_000, 2_000, 50 * MB));
        restarts.add(new Restarts.Restart("enrich", 1_000_000, 2_000, 2_000, 50 * MB));
        assertThat(restarts.growth()).extracting(Restarts.Growth::service).containsExactly("ingest", "enrich");
        assertThat(restarts.growth()).allMatch(Restarts.Growth::met);
        assertThat(restarts.targetsMet()).isTrue();

        restarts.add(new Restarts.Restart("store", 100_000, 2_000, 2_000, 40 * MB));
        restarts.add(new Restarts.Restart("store", 1_000_000, 2_000, 3_001, 40 * MB));
        assertThat(restarts.targetsMet()).as("3.001 s against 2 s").isFalse();
    }

    @Test
    void aHistoryThatGrewLessThanTenfoldIsReportedButNotTargeted() {
        Restarts restarts = new Restarts();
        restarts.add(new Restarts.Restart("ingest", 100_000, 2_000, -1, 40 * MB));
        restarts.add(new Restarts.Restart("ingest", 500_000, 9_000, -1, 200 * MB));
        assertThat(restarts.growth()).singleElement().satisfies(g -> {
            assertThat(g.targeted()).isFalse();
            assertThat(g.met()).isFalse();
        });
        assertThat(restarts.targetsMet()).isTrue();
        assertThat(restarts.markdown("./pactwire bench --stage history --history 100000,500000"))
                .contains("| ingest | 100,000 → 500,000 (5x) | **4.50x** | **5.00x** | - (history grew less than 10x) |");
    }

    @Test
    void ofThreeRestartsTheMedianRestartAndTheMedianHeapAreKept() {
        Restarts.Restart median = Restarts.Restart.median(List.of(
                new Restarts.Restart("store", 1_000, 1_000, 9_000, 70 * MB),
                new Restarts.Restart("store", 1_000, 2_500, 4_000, 60 * MB),
                new Restarts.Restart("store", 1_000, 1_500, 6_000, 80 * MB)));
        assertThat(median).isEqualTo(new Restarts.Restart("store", 1_000, 1_500, 6_000, 70 * MB));
        assertThatThrownBy(() -> Restarts.Restart.median(List.of(new Restarts.Restart("store", 1_000, 1, 1, 1),
                new Restarts.Restart("ingest", 1_000, 1, 1, 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Restarts.Restart.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSizeHasNoGrowth() {
        Restarts restarts = new Restarts();
        restarts.add(new Restarts.Restart("ingest", 100_000, 2_000, -1, 40 * MB));
        assertThat(restarts.growth()).isEmpty();
        assertThat(restarts.targetsMet()).isTrue();
    }

    @Test
    void theEnrichersHeapOverAHistoryIsATarget() {
        Restarts restarts = new Restarts();
        restarts.add(new Restarts.Fill(1_000_000, 300, 2_000 * MB, 140 * MB, "-Xmx256m"));
        assertThat(restarts.targetsMet()).isTrue();
        restarts.add(new Restarts.Fill(2_000_000, 600, 4_000 * MB, 257 * MB, "-Xmx512m"));
        assertThat(restarts.targetsMet()).isFalse();
        assertThat(restarts.markdown("./pactwire bench --stage history"))
                .contains("| 1,000,000 | 300 s | 2000 MB | 140 MB (`-Xmx256m`), target <= 256 MB (met) |")
                .contains("| 2,000,000 | 600 s | 4000 MB | 257 MB (`-Xmx512m`), target <= 256 MB (**not met**) |");
    }
}
