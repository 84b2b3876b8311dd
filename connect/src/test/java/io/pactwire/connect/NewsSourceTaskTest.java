package io.pactwire.connect;

import io.pactwire.ingest.ArticleIds;
import io.pactwire.model.RawArticle;
import io.pactwire.testkit.ManualClock;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One task on real files, its offsets kept as a worker would commit them, restarted as a worker would restart it. */
class NewsSourceTaskTest {
    @TempDir
    Path folder;

    /** The offsets a worker committed: what each record returned said. */
    private final Map<Map<String, ?>, Map<String, ?>> committed = new HashMap<>();

    @Test
    void aRestartedTaskWritesOnlyWhatChangedAtTheNextRevision() throws Exception {
        Path china = Files.writeString(folder.resolve("china.txt"), "Luxembourg and China sign a space accord\n\nThe two"
                + " countries signed a memorandum of understanding on space resources.");
        Path japan = Files.writeString(folder.resolve("japan.txt"), "Luxembourg and Japan cooperate\n\nThe two countries"
                + " signed a memorandum of cooperation.");
        Files.write(folder.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        List<SourceRecord> first = pollOnce(task(Map.of()));
        assertThat(first).extracting(SourceRecord::key).containsExactlyInAnyOrder(ArticleIds.forFile(china),
                ArticleIds.forFile(japan));
        assertThat(first).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(Topics.RAW.name());
            assertThat(article(r).revision()).isOne();
            assertThat(header(r, "pactwire.revision")).isEqualTo("1");
            assertThat(header(r, "pactwire.content-hash")).isEqualTo(article(r).contentHash());
            assertThat(header(r, "pactwire.source")).isEqualTo(article(r).sourceUri());
        });
        commit(first);

        assertThat(pollOnce(task(Map.of()))).as("a restarted task over unchanged files").isEmpty();

        Files.writeString(japan, "Luxembourg and Japan cooperate\n\nThe two countries signed a memorandum of cooperation"
                + " on space resources in Tokyo.");
        List<SourceRecord> second = pollOnce(task(Map.of()));
        assertThat(second).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(ArticleIds.forFile(japan));
            assertThat(article(r).revision()).isEqualTo(2);
            assertThat(r.sourceOffset()).isEqualTo(Map.of(ArticleOffsets.HASH, article(r).contentHash(), ArticleOffsets.REVISION, 2));
        });
    }

    @Test
    void aFileStillBeingWrittenIsReadAtALaterPassOnceItHasSettled() throws Exception {
        ManualClock clock = new ManualClock(java.time.Instant.now());
        Path fresh = Files.writeString(folder.resolve("fresh.txt"), "Luxembourg and Chile agree\n\nThe two countries signed"
                + " a cooperation agreement.");
        NewsSourceTask task = task(Map.of(NewsSourceConfig.WATCH_SETTLE_MS, "10000", NewsSourceConfig.POLL_INTERVAL_MS, "60000"),
                clock);

        assertThat(task.poll()).as("the first pass, the file modified just now").isNull();
        clock.advance(java.time.Duration.ofSeconds(61));
        List<SourceRecord> next = task.poll();
        task.stop();

        assertThat(next).extracting(SourceRecord::key).containsExactly(ArticleIds.forFile(fresh));
    }

    @Test
    void aRejectedInputStopsTheTaskUnlessErrorsAreTolerated() {
        Path missing = folder.resolve("gone.txt");
        NewsSourceTask strict = task(Map.of(NewsSourceConfig.INPUTS, missing.toString()));

        assertThatThrownBy(strict::poll).isInstanceOf(ConnectException.class)
                .hasMessageStartingWith("Input rejected: " + missing.toUri() + ": ")
                .hasMessageContaining("errors.tolerance=none stops the task");
    }

    @Test
    void aToleratedRejectionIsADeadLetterWithTheReason() throws Exception {
        Path missing = folder.resolve("gone.txt");
        NewsSourceTask tolerant = task(Map.of(NewsSourceConfig.INPUTS, missing.toString(), "errors.tolerance", "all",
                NewsSourceConfig.DEAD_LETTER_TOPIC, Topics.DEAD_LETTERS.name(), "name", "news"));

        List<SourceRecord> records = pollOnce(tolerant);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
            assertThat(r.key()).isEqualTo(missing.toUri().toString());
            assertThat(r.value()).isNull();
            assertThat(header(r, DeadLetterRecords.EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(header(r, DeadLetterRecords.CONNECTOR_NAME)).isEqualTo("news");
            assertThat(header(r, DeadLetterRecords.TASK_ID)).isEqualTo("0");
            assertThat(header(r, DeadLetterRecords.TOPIC)).isEqualTo(Topics.RAW.name());
        });
    }

    /** A task given the folder (unless {@code overrides} say otherwise), started as the connector would start it. */
    private NewsSourceTask task(Map<String, String> overrides) {
        return task(overrides, java.time.Clock.systemUTC());
    }

    private NewsSourceTask task(Map<String, String> overrides, java.time.Clock clock) {
        Map<String, String> props = new HashMap<>(Map.of(NewsSourceConfig.INPUTS, folder.toString(),
                NewsSourceConfig.POLL_INTERVAL_MS, "3600000", NewsSourceConfig.WATCH_SETTLE_MS, "0"));
        props.putAll(overrides);
        NewsSourceConnector connector = new NewsSourceConnector();
        connector.start(props);
        Map<String, String> taskConfig = connector.taskConfigs(1).get(0);
        NewsSourceTask task = new NewsSourceTask(clock);
        task.initialize(new Context(taskConfig));
        task.start(taskConfig);
        return task;
    }

    /** Every record of one pass over the task's inputs. */
    private static List<SourceRecord> pollOnce(NewsSourceTask task) throws InterruptedException {
        List<SourceRecord> all = new ArrayList<>();
        for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
            all.addAll(batch);
        }
        task.stop();
        return all;
    }

    private void commit(List<SourceRecord> records) {
        records.forEach(r -> committed.put(r.sourcePartition(), r.sourceOffset()));
    }

    private static RawArticle article(SourceRecord record) {
        return Topics.RAW.valueSerde().deserializer().deserialize(record.topic(), (byte[]) record.value());
    }

    private static String header(SourceRecord record, String key) {
        Header header = record.headers().lastWithName(key);
        return header == null ? null : (String) header.value();
    }

    private final class Context implements SourceTaskContext {
        private final Map<String, String> configs;

        Context(Map<String, String> configs) {
            this.configs = configs;
        }

        @Override
        public Map<String, String> configs() {
            return configs;
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return (Map<String, Object>) committed.get(partition);
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
                    partitions.forEach(p -> found.put(p, offset(p)));
                    return found;
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
