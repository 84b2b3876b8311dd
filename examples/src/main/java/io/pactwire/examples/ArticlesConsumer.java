package io.pactwire.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * A downstream service's consumer of {@code news.articles}: its own consumer group, read_committed,
 * starting from the beginning the first time (so it sees the full current view, compacted), then
 * following. A record with no value is a retraction. It knows only the documented JSON, no Pactwire
 * class.
 *
 * <pre>
 * java -cp "examples/target/classes:examples/target/lib/*" io.pactwire.examples.ArticlesConsumer localhost:9092 my-service
 * </pre>
 */
public final class ArticlesConsumer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;

    public ArticlesConsumer(String bootstrapServers, String groupId) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                // never see results of aborted or still-open transactions
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // a new group starts at the beginning: the compacted topic holds every current article
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("news.articles"));
    }

    /** One article as this service sees it: id, title, country codes, agreement types; or a retraction. */
    public record Article(String id, String title, List<String> countries, List<String> agreements, boolean retracted) {

        static Article of(String id, String json) throws IOException {
            if (json == null) {
                return new Article(id, null, List.of(), List.of(), true);
            }
            JsonNode value = JSON.readTree(json);
            List<String> countries = new ArrayList<>();
            value.path("countries").forEach(c -> countries.add(c.path("code").asText()));
            List<String> agreements = new ArrayList<>();
            value.path("agreements").forEach(a -> agreements.add(a.path("type").asText()));
            return new Article(id, value.path("title").asText(), countries, agreements, false);
        }

        @Override
        public String toString() {
            if (retracted) {
                return id + "\tretracted";
            }
            StringJoiner line = new StringJoiner("\t");
            return line.add(id).add(title).add(String.join(",", countries)).add(String.join(",", agreements)).toString();
        }
    }

    /** Polls once and hands each article to {@code sink}; commits the offsets afterwards. */
    public int pollOnce(Duration timeout, Consumer<Article> sink) throws IOException {
        int count = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            sink.accept(Article.of(record.key(), record.value()));
            count++;
        }
        consumer.commitSync();
        return count;
    }

    /** Stops a {@link #pollOnce} in progress, from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ArticlesConsumer BOOTSTRAP_SERVERS GROUP_ID");
            System.exit(2);
        }
        try (ArticlesConsumer articles = new ArticlesConsumer(args[0], args[1])) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                articles.wakeup();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            while (true) {
                articles.pollOnce(Duration.ofSeconds(1), System.out::println);
            }
        } catch (WakeupException stopping) {
            // Ctrl-C: the shutdown hook woke the consumer up
        }
    }
}
