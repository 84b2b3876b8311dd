package io.pactwire.bench.connect;

import com.sun.net.httpserver.HttpServer;
import io.pactwire.connect.NewsSourceConnector;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Articles per second of the Kafka Connect news source: {@code --feeds} RSS feeds (default 1,000) of
 * {@code --items} items each (default 10, full text in {@code content:encoded}) served by the JDK's HttpServer on
 * 127.0.0.1, read by the connector with one task and then with four, each round on a fresh Connect worker
 * (Apache Kafka's EmbeddedConnectCluster, exactly-once sources, one KRaft broker in this JVM). A round's time runs
 * from the connector's creation to the last article committed in news.raw (read_committed), and the round checks
 * that every article is there exactly once. Prints one line per round and the ratio.
 *
 * <pre>java -cp "bench/target/pactwire-bench.jar:bench/target/lib/*" io.pactwire.bench.connect.ConnectSourceBench [--feeds N] [--items N]</pre>
 */
public final class ConnectSourceBench {
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(20);

    private ConnectSourceBench() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK's server writes headers and body apart; with Nagle's algorithm against the client's delayed ACK
        // each response would wait about 40 ms, and the benchmark would measure that wait, not the connector.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int feeds = intArg(args, "--feeds", 1000);
        int items = intArg(args, "--items", 10);
        try (Site site = new Site(feeds, items)) {
            System.out.printf(Locale.ROOT, "%,d feeds x %d items = %,d articles on %s; %d processors%n", feeds, items,
                    feeds * items, site.base(), Runtime.getRuntime().availableProcessors());
            double one = round(site, 1);
            double four = round(site, 4);
            System.out.printf(Locale.ROOT, "four tasks / one task: %.2fx%n", four / one);
        }
    }

    /** One round on a fresh worker; returns articles per second. */
    private static double round(Site site, int tasks) throws Exception {
        EmbeddedConnectCluster connect = cluster();
        try {
            Map<String, String> config = new HashMap<>();
            config.put("connector.class", NewsSourceConnector.class.getName());
            config.put("tasks.max", Integer.toString(tasks));
            config.put("inputs", String.join(",", site.feedUrls()));
            config.put("poll.interval.ms", Long.toString(Duration.ofHours(1).toMillis())); // one pass per round
            config.put("allow.private.hosts", "true");
            long started = System.nanoTime();
            connect.configureConnector("news-bench", config);
            long[] firstAt = {0};
            int articles = awaitAll(connect.kafka().bootstrapServers(), site.articles(), () -> {
                if (firstAt[0] == 0) {
                    firstAt[0] = System.nanoTime();
                }
            });
            long ended = System.nanoTime();
            double seconds = (ended - started) / 1e9;
            double rate = articles / seconds;
            System.out.printf(Locale.ROOT, "tasks.max=%d: %,d articles in %.1f s = %,.0f articles/s (first to last record:"
                    + " %.1f s, %,.0f articles/s)%n", tasks, articles, seconds, rate, (ended - firstAt[0]) / 1e9,
                    articles / ((ended - firstAt[0]) / 1e9));
            return rate;
        } finally {
            connect.stop();
        }
    }

    private static EmbeddedConnectCluster cluster() throws Exception {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("offsets.topic.replication.factor", "1");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                .name("news-bench")
                .numWorkers(1)
                .numBrokers(1)
                .brokerProps(broker)
                .workerProps(new HashMap<>(Map.of(
                        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                        "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
                        "exactly.once.source.support", "enabled")))
                .build();
        connect.start();
        try (Admin admin = connect.kafka().createAdminClient()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        return connect;
    }

    /** Reads news.raw until it holds {@code expected} distinct articles; fails on a duplicate. */
    private static int awaitAll(String servers, int expected, Runnable onFirst) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Set<String> ids = new HashSet<>();
        long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (ids.size() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + ids.size() + " of " + expected + " articles within " + ROUND_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    onFirst.run();
                    if (!ids.add(record.key())) {
                        throw new IllegalStateException("article " + record.key() + " written twice");
                    }
                }
            }
        }
        return ids.size();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** The feeds, served on 127.0.0.1; each item a distinct press-release-sized text of about 1.5 KB. */
    private static final class Site implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "bench-feeds");
            thread.setDaemon(true);
            return thread;
        });
        private final int feeds;
        private final int items;

        Site(int feeds, int items) throws IOException {
            this.feeds = feeds;
            this.items = items;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.createContext("/feeds/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                int feed = Integer.parseInt(path.substring("/feeds/".length(), path.length() - ".xml".length()));
                byte[] body = rss(feed);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(threads);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int articles() {
            return feeds * items;
        }

        List<String> feedUrls() {
            List<String> urls = new ArrayList<>();
            for (int feed = 0; feed < feeds; feed++) {
                urls.add(base() + "/feeds/" + feed + ".xml");
            }
            return urls;
        }

        private byte[] rss(int feed) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                    + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Feed " + feed
                    + "</title><link>" + base() + "/</link><description>Benchmark feed</description>\n");
            for (int item = 0; item < items; item++) {
                xml.append("<item><title>Luxembourg and partner ").append(feed).append(" sign agreement ").append(item)
                        .append("</title><link>").append(base()).append("/articles/").append(feed).append('-').append(item)
                        .append("</link><pubDate>Tue, 16 Jan 2018 10:00:00 GMT</pubDate><content:encoded><![CDATA[");
                for (int paragraph = 0; paragraph < 6; paragraph++) {
                    xml.append("<p>Luxembourg, 16 January 2018 - The Ministry of the Economy and the agency of partner ")
                            .append(feed).append(" signed memorandum ").append(item).append(", paragraph ").append(paragraph)
                            .append(", on the exploration and use of space resources, with a joint working group.</p>");
                }
                xml.append("]]></content:encoded></item>\n");
            }
            return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
