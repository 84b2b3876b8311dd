package io.pactwire.store;

import io.pactwire.model.Versions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StoredResultTest {
    private static final Versions V1 = new Versions("dictionary-1", "jdk-cldr-1", "phrases-1");
    private static final Versions V2_RULES = new Versions("dictionary-1", "jdk-cldr-1", "phrases-2");
    private static final Versions V10_TAGGER = new Versions("dictionary-10", "jdk-cldr-1", "phrases-1");

    private static StoredResult result(int revision, Versions versions, String hash) {
        return new StoredResult(revision, versions, hash, Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void aNewerRevisionWinsWhateverItsVersions() {
        assertThat(StoredResult.decide(result(1, V2_RULES, "a"), result(2, V1, "b"))).isEqualTo(StoredResult.Decision.STORE);
        assertThat(StoredResult.decide(result(2, V1, "b"), result(1, V2_RULES, "a"))).isEqualTo(StoredResult.Decision.SKIP_STALE);
    }

    @Test
    void forTheSameRevisionNewerVersionsWin() {
        assertThat(StoredResult.decide(result(1, V1, "a"), result(1, V2_RULES, "a"))).isEqualTo(StoredResult.Decision.STORE);
        assertThat(StoredResult.decide(result(1, V2_RULES, "a"), result(1, V1, "a"))).isEqualTo(StoredResult.Decision.SKIP_STALE);
        assertThat(StoredResult.decide(result(1, V2_RULES, "a"), result(1, V10_TAGGER, "a")))
                .as("the tagger's version counts first, and 10 > 1").isEqualTo(StoredResult.Decision.STORE);
    }

    @Test
    void theSameResultAgainIsADuplicateAndAnythingIsNewerThanNothing() {
        assertThat(StoredResult.decide(result(1, V1, "a"), result(1, V1, "a"))).isEqualTo(StoredResult.Decision.SKIP_DUPLICATE);
        assertThat(StoredResult.decide(null, result(1, V1, "a"))).isEqualTo(StoredResult.Decision.STORE);
    }

    @Test
    void anyArrivalOrderConvergesToTheSameStoredResult() {
        List<StoredResult> results = List.of(result(1, V1, "a"), result(1, V2_RULES, "a"), result(2, V1, "b"),
                result(2, V10_TAGGER, "b"), result(2, V10_TAGGER, "c"), result(3, V1, "d"), result(3, V1, "d"));
        Random random = new Random(42);
        StoredResult expected = null;
        for (int trial = 0; trial < 200; trial++) {
            List<StoredResult> order = new ArrayList<>(results);
            Collections.shuffle(order, random);
            StoredResult stored = null;
            for (StoredResult incoming : order) {
                if (StoredResult.decide(stored, incoming) == StoredResult.Decision.STORE) {
                    stored = incoming;
                }
            }
            if (expected == null) {
                expected = stored;
            }
            assertThat(stored).isEqualTo(expected);
        }
        assertThat(expected).isEqualTo(result(3, V1, "d"));
    }

    @Test
    void versionsCompareNaturally() {
        assertThat(VersionOrder.NATURAL.compare("rules-10", "rules-9")).isPositive();
        assertThat(VersionOrder.NATURAL.compare("2026.11.2", "2026.11.10")).isNegative();
        assertThat(VersionOrder.NATURAL.compare("v007", "v7")).isZero();
        assertThat(VersionOrder.NATURAL.compare("1.0", "1.0-rc")).isNegative();
        assertThat(VersionOrder.NATURAL.compare("a", "b")).isNegative();
    }
}
