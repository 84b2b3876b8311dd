package io.pactwire.bench.pipeline;

import io.pactwire.runtime.TopicReader;
import io.pactwire.topics.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The benchmark's own check: every article of a run is in news.articles, exactly once. */
final class ExactlyOnce {
    private ExactlyOnce() {
    }

    /** Waits until every id is in news.articles, then checks each is there once. */
    static void await(String bootstrap, Set<String> ids, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, Integer> counts = counts(bootstrap);
            if (counts.keySet().containsAll(ids)) {
                verify(counts, ids, what);
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                long missing = ids.stream().filter(id -> !counts.containsKey(id)).count();
                throw new IllegalStateException(what + ": " + missing + " of " + ids.size() + " articles are not in "
                        + Topics.ARTICLES.name() + " after " + timeout);
            }
        }
    }

    /** Checks now that every id is in news.articles once. */
    static void check(String bootstrap, Set<String> ids, String what) {
        verify(counts(bootstrap), ids, what);
    }

    private static void verify(Map<String, Integer> counts, Set<String> ids, String what) {
        for (String id : ids) {
            Integer count = counts.get(id);
            if (count == null || count != 1) {
                throw new IllegalStateException(what + ": article " + id + " is in " + Topics.ARTICLES.name() + " "
                        + (count == null ? 0 : count) + " times, not once");
            }
        }
    }

    /** How many records of news.articles each key has, read to its last committed offset. */
    private static Map<String, Integer> counts(String bootstrap) {
        Map<String, Integer> counts = new HashMap<>();
        Duration timeout = Duration.ofMinutes(5);
        try (TopicReader reader = TopicReader.open(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "max.poll.records", 5000), "the benchmark's check, " + timeout.toMinutes() + " min")) {
            reader.readFromBeginning(reader.partitions(Topics.ARTICLES.name(), timeout), timeout, record -> {
                if (record.value() != null) {
                    counts.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
                }
            });
        }
        return counts;
    }
}
