package io.pactwire.enrich;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Versions;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import io.pactwire.tagger.Tags;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.pactwire.enrich.EnrichFixture.article;
import static io.pactwire.enrich.EnrichFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Exactly-once on a real broker: across a crashed stream thread, and across two instances. */
@KafkaTest
class EnricherExactlyOnceIT {
    private static final int ARTICLES = 300;

    /** Crashes its stream thread once, as a bug or an out-of-memory error would, on one article. */
    private static final class CrashingOnceTagger implements Tagger {
        private final Tagger delegate = Tagger.standard();
        private final AtomicBoolean crashed = new AtomicBoolean();
        private final String crashOn;

        CrashingOnceTagger(String crashOn) {
            this.crashOn = crashOn;
        }

        @Override
        public Tags tag(ArticleText article) {
            if (article.title().equals(crashOn) && crashed.compareAndSet(false, true)) {
                throw new Error("simulated crash of the stream thread");
            }
            return delegate.tag(article);
        }

        @Override
        public Versions versions() {
            return delegate.versions();
        }
    }

    private static List<byte[][]> articles(String prefix) {
        List<byte[][]> input = new ArrayList<>();
        IntStream.range(0, ARTICLES).forEach(i -> input.add(record(prefix + i, article(RawArticle.of(prefix + i,
                "Article " + i, "Officials of Japan and Chile discussed trade on day " + i + ".")))));
        return input;
    }

    /** Both tests share the class's cluster: each looks at its own articles, by key prefix. */
    private static List<ConsumerRecord<String, EnrichedArticle>> mine(List<ConsumerRecord<String, EnrichedArticle>> results,
                                                                      String prefix) {
        return results.stream().filter(r -> r.key().startsWith(prefix)).toList();
    }

    private static long distinctKeys(List<ConsumerRecord<String, EnrichedArticle>> results, String prefix) {
        return mine(results, prefix).stream().map(ConsumerRecord::key).distinct().count();
    }

    private static void assertExactlyOnce(List<ConsumerRecord<String, EnrichedArticle>> results, String prefix) {
        Map<String, Long> perKey = mine(results, prefix).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perKey).hasSize(ARTICLES);
        assertThat(perKey.values()).as("results per article").containsOnly(1L);
    }

    @Test
    void aCrashedThreadIsReplacedAndEveryArticleIsEnrichedExactlyOnce(KafkaTestCluster cluster, @TempDir Path state)
            throws Exception {
        EnrichFixture fixture = new EnrichFixture(cluster);
        fixture.createTopics();
        fixture.publish(articles("crash-"));
        // a long commit interval keeps many results in the open transaction when the thread crashes
        EnrichConfig config = fixture.config(state, Map.of("commit.interval.ms", "5000",
                EnrichConfig.APPLICATION_ID, "enrich-crash"));
        try (EnricherApp app = new EnricherApp(config, new CrashingOnceTagger("Article 200"))) {
            app.start();
            List<ConsumerRecord<String, EnrichedArticle>> results = fixture.enriched()
                    .readUntil(r -> distinctKeys(r, "crash-") >= ARTICLES, Duration.ofSeconds(120));
            assertThat(EnrichFixture.metric(app, "thread-replacements-total")).isEqualTo(1.0);
            assertExactlyOnce(fixture.enriched().readToEnd(Duration.ofSeconds(30)), "crash-");
            assertThat(results).isNotEmpty();
        }
    }

    @Test
    void twoInstancesShareThePartitionsAndEnrichEveryArticleExactlyOnce(KafkaTestCluster cluster, @TempDir Path stateA,
                                                                        @TempDir Path stateB) throws Exception {
        EnrichFixture fixture = new EnrichFixture(cluster);
        fixture.createTopics();
        Function<Path, EnrichConfig> config = dir -> fixture.config(dir, Map.of(EnrichConfig.APPLICATION_ID, "enrich-pair",
                EnrichConfig.THREADS, "2"));
        try (EnricherApp a = new EnricherApp(config.apply(stateA), Tagger.standard());
             EnricherApp b = new EnricherApp(config.apply(stateB), Tagger.standard())) {
            a.start();
            b.start();
            await("both instances own tasks").atMost(Duration.ofSeconds(90)).until(() ->
                    EnrichFixture.activeTasks(a) > 0 && EnrichFixture.activeTasks(b) > 0 && EnrichFixture.activeTasks(a) + EnrichFixture.activeTasks(b) == 3);
            fixture.publish(articles("pair-"));
            fixture.enriched().readUntil(r -> distinctKeys(r, "pair-") >= ARTICLES, Duration.ofSeconds(120));
            List<ConsumerRecord<String, EnrichedArticle>> results = fixture.enriched().readToEnd(Duration.ofSeconds(30));
            assertExactlyOnce(results, "pair-");
            Set<Integer> partitions = mine(results, "pair-").stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
            assertThat(partitions).hasSize(3);
            assertThat(EnrichFixture.metric(a, "enriched-total") + EnrichFixture.metric(b, "enriched-total")).isGreaterThanOrEqualTo(ARTICLES);
        }
    }
}
