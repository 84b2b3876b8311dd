package io.pactwire.bench.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

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

    @Test
    void theEnricherIsMeasuredAgainstItsOwnBound() {
        Results results = withFigures(80, 100, 150, 256 * 1024 * 1024L);
        assertThat(results.enrichOfBound()).isEqualTo(0.8);
        assertThat(results.boundRatio()).as("the bound over the pass-through").isEqualTo(0.5);
        assertThat(results.enrichTargetMet()).isTrue();
        assertThat(results.targetsMet()).isTrue();
        assertThat(withFigures(79, 100, 150, 1).enrichTargetMet()).isFalse();
        assertThat(withFigures(79, 100, 150, 1).targetsMet()).isFalse();
    }

    @Test
    void theLatencyAndHeapTargetsAreKept() {
        assertThat(withFigures(90, 100, 150.4, 1).latencyTargetMet()).isFalse();
        assertThat(withFigures(90, 100, 150.4, 1).targetsMet()).isFalse();
        assertThat(withFigures(90, 100, 149, 256 * 1024 * 1024L + 1).heapTargetMet()).isFalse();
        assertThat(withFigures(90, 100, 149, 256 * 1024 * 1024L + 1).targetsMet()).isFalse();
    }

    @Test
    void theReportShowsTheEnricherAgainstItsBoundWithItsTargetAndTheIngestRatioWithout() {
        Results results = withFigures(60, 100, 120, 100 * 1024 * 1024L);
        results.roundRatio("enrich-of-bound", measured(60), measured(100));
        String markdown = results.markdown();
        assertThat(markdown).contains("| enrich, exactly_once_v2 | 60 /s").contains("| **0.60** (rounds: 0.60) | >= 0.80 (**not met**) |")
                .contains("p99 <= 150 ms (met)").contains("target <= 256 MB (met)");
        assertThat(markdown.lines().filter(line -> line.startsWith("| ingest:"))).singleElement()
                .satisfies(line -> assertThat(line).endsWith("| - |"));
        assertThat(markdown).doesNotContain(">= 0.60");
    }

    @Test
    void theCommandShownLeavesOutWhereTheReportWent() {
        assertThat(PipelineBench.command(List.of("--stage", "history", "--report", "/tmp/r.md", "--history", "100,1000")))
                .isEqualTo("./pactwire bench --stage history --history 100,1000");
        assertThat(PipelineBench.command(List.of("--no-report", "--report=/tmp/r.md", "--articles", "5")))
                .isEqualTo("./pactwire bench --articles 5");
    }

    /** Results with the enricher and its bound at the given rates, the pass-through at twice the bound. */
    private static Results withFigures(long enricher, long bound, double p99Millis, long enricherHeap) {
        Results results = new Results(100, 2000, 30, "test");
        results.enrich.put(Results.EXACTLY_ONCE, new Measured[] {measured(enricher), measured(2 * bound)});
        results.bound = measured(bound);
        results.ingest = measured(50);
        results.bareProducer = measured(100);
        results.bareReading = measured(80);
        results.bareRewriting = measured(70);
        results.store = measured(40);
        results.knownArticlesLoad = measured(1000);
        results.latency = new Results.Latency(2000, 60, p99Millis, 200, 60_000);
        ServiceProcess.Usage usage = new ServiceProcess.Usage("enrich", enricherHeap, enricherHeap, 256 * 1024 * 1024L, 1000);
        results.processes = new ServiceProcess.Usage[] {usage, usage, usage};
        return results;
    }

    /** {@code perSecond} records in one second. */
    private static Measured measured(long perSecond) {
        return new Measured(perSecond, 0, 1_000_000_000L);
    }
}
