package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.HostName;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of the ingest service. Any other key is a Kafka producer setting and passes through. */
public final class IngestConfig extends PactwireConfig {
    public static final String MAX_ARTICLE_BYTES = "ingest.max.article.bytes";
    public static final String MAX_PAGE_BYTES = "ingest.max.page.bytes";
    public static final String CLIENT_ID = "ingest.client.id";
    public static final String DATE_ORDER = "ingest.date.order";
    public static final String ALLOW_PRIVATE_HOSTS = "ingest.allow.private.hosts";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "ingest.http.connect.timeout.ms";
    public static final String HTTP_TIMEOUT_MS = "ingest.http.timeout.ms";
    public static final String HTTP_MAX_REDIRECTS = "ingest.http.max.redirects";
    public static final String HTTP_USER_AGENT = "ingest.http.user.agent";
    public static final String HTTP_MAX_CONCURRENT_FETCHES = "ingest.http.max.concurrent.fetches";
    public static final String FEED_TIME_BUDGET_MS = "ingest.feed.time.budget.ms";
    public static final String FEED_MAX_ITEMS = "ingest.feed.max.items";
    public static final String KNOWN_ARTICLES_TIMEOUT_MS = "ingest.known.articles.timeout.ms";
    public static final String STATE_DIR = "ingest.state.dir";
    public static final String FEEDS = "ingest.feeds";
    public static final String WATCH_SETTLE_MS = "ingest.watch.settle.ms";

    private static final ConfigDef.Validator DATE_ORDERS = (name, value) -> {
        if (value != null && !"DMY".equals(value) && !"MDY".equals(value)) {
            throw new ConfigException(name, value, "must be DMY (day-month-year) or MDY (month-day-year)");
        }
    };

    public IngestConfig(ConfigInput input) {
        super("ingest", definition(), kafkaClientKeys(), input);
    }

    public static ConfigDef definition() {
        return commonDefinition()
                .define(MAX_ARTICLE_BYTES, ConfigDef.Type.LONG, 1024L * 1024, ConfigDef.Range.between(1024, 64L * 1024 * 1024),
                        ConfigDef.Importance.MEDIUM,
                        "Largest article text accepted, in bytes of UTF-8; a larger file, JSON line or extracted page text"
                                + " is rejected with its reason.")
                .define(MAX_PAGE_BYTES, ConfigDef.Type.LONG, 8L * 1024 * 1024, ConfigDef.Range.between(1024, 256L * 1024 * 1024),
                        ConfigDef.Importance.MEDIUM,
                        "Largest web page, feed or HTML file read, in bytes, markup included; a larger one is rejected"
                                + " (downloads stop at the limit).")
                .define(CLIENT_ID, ConfigDef.Type.STRING, "pactwire-ingest", ConfigDef.Importance.LOW,
                        "client.id of the ingest producer, as brokers and metrics see it.")
                .define(DATE_ORDER, ConfigDef.Type.STRING, "DMY", DATE_ORDERS, ConfigDef.Importance.LOW,
                        "How an all-numeric date such as 08-10-2025 is read: DMY (8 October 2025) or MDY (August 10, 2025).")
                .define(ALLOW_PRIVATE_HOSTS, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                        "Fetch from loopback and private-network addresses (refused by default: a URL in a feed must not"
                                + " reach into the network ingest runs in). Also --allow-private-hosts.")
                .define(HTTP_CONNECT_TIMEOUT_MS, ConfigDef.Type.LONG, 10_000L, ConfigDef.Range.between(1, 600_000),
                        ConfigDef.Importance.LOW, "How long to wait for a connection to a web server, in ms.")
                .define(HTTP_TIMEOUT_MS, ConfigDef.Type.LONG, 30_000L, ConfigDef.Range.between(1, 3_600_000),
                        ConfigDef.Importance.LOW,
                        "How long one fetch may take in all, from request to the last byte of the body, in ms.")
                .define(HTTP_MAX_REDIRECTS, ConfigDef.Type.INT, 5, ConfigDef.Range.between(0, 20), ConfigDef.Importance.LOW,
                        "Redirects followed per fetch; a longer chain is rejected, a loop is rejected at once.")
                .define(HTTP_USER_AGENT, ConfigDef.Type.STRING, "Pactwire-ingest/0.1", new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.LOW, "User-Agent header of fetches.")
                // A feed of summaries links to a page per item: fetched one at a time, 10,000 slow links would
                // take days per poll. A few at once is polite to one server and fast enough.
                .define(HTTP_MAX_CONCURRENT_FETCHES, ConfigDef.Type.INT, 8, ConfigDef.Range.between(1, Fetcher.MAX_CONNECTIONS),
                        ConfigDef.Importance.LOW,
                        "Linked pages of one feed fetched at the same time.")
                .define(FEED_TIME_BUDGET_MS, ConfigDef.Type.LONG, 300_000L, ConfigDef.Range.between(1, 86_400_000),
                        ConfigDef.Importance.LOW,
                        "How long the linked pages of one feed may take to fetch in all, in ms; a page not fetched by"
                                + " then is rejected (feed time budget spent) and read again at the next poll.")
                .define(FEED_MAX_ITEMS, ConfigDef.Type.INT, 1000, ConfigDef.Range.between(1, 1_000_000),
                        ConfigDef.Importance.LOW,
                        "Linked pages of one feed fetched per read or poll; the items over it are skipped with"
                                + " their reason and read at the next poll.")
                .define(KNOWN_ARTICLES_TIMEOUT_MS, ConfigDef.Type.LONG, 120_000L, ConfigDef.Range.between(1, 3_600_000),
                        ConfigDef.Importance.LOW,
                        "How long ingest may take at start to catch its local index of news.raw up (the content hash"
                                + " and revision of every article already published): only what news.raw gained since the"
                                + " last run, or all of it the first time.")
                .define(STATE_DIR, ConfigDef.Type.STRING, defaultStateDir(System.getenv(), "ingest"),
                        new ConfigDef.NonEmptyString(), ConfigDef.Importance.MEDIUM,
                        "Directory of ingest's local index of news.raw (what each article's latest record holds, with"
                                + " the offset read up to), so that a start reads only what news.raw gained since; a folder"
                                + " per cluster below it, one instance per directory. {hostname} in it is replaced by the"
                                + " host's name. Default: $XDG_STATE_HOME/pactwire/ingest, else ~/.local/state/pactwire/ingest.")
                .define(FEEDS, ConfigDef.Type.LIST, "", ConfigDef.Importance.MEDIUM,
                        "Feed or page URLs (comma-separated) read besides the PATH arguments of `pactwire ingest`, and"
                                + " read again with --poll: how compose gives ingest its feeds.")
                // Two seconds cover an editor's save and a local copy; a slow share needs more. Longer only
                // delays publication; a file still changing is read at a later pass, never lost.
                .define(WATCH_SETTLE_MS, ConfigDef.Type.LONG, 2_000L, ConfigDef.Range.between(0, 3_600_000),
                        ConfigDef.Importance.MEDIUM,
                        "With --watch, how long a new or changed file must keep the same size and modification time"
                                + " before it is read, in ms, so that a file caught while it is written is not published"
                                + " truncated; a file still changing is read at a later pass. At the watch's first pass a"
                                + " file last modified that long ago is read at once. 0 reads a file as soon as it is seen.");
    }

    /** The state directory with {@code {hostname}} replaced: the base of the per-cluster folders. */
    public Path stateDir() {
        return Path.of(getString(STATE_DIR).replace("{hostname}", HostName.get()));
    }

    /** The URLs of {@code ingest.feeds}. */
    public java.util.List<String> feeds() {
        return getList(FEEDS).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public long maxArticleBytes() {
        return getLong(MAX_ARTICLE_BYTES);
    }

    public long maxPageBytes() {
        return getLong(MAX_PAGE_BYTES);
    }

    public Dates dates() {
        return new Dates(Dates.Order.of(getString(DATE_ORDER)));
    }

    /** How long a watched file must stay unchanged before it is read. */
    public Duration watchSettle() {
        return Duration.ofMillis(getLong(WATCH_SETTLE_MS));
    }

    public Duration knownArticlesTimeout() {
        return Duration.ofMillis(getLong(KNOWN_ARTICLES_TIMEOUT_MS));
    }

    /** How many linked pages of a feed are fetched, how many at once, and for how long. */
    public InputReader.FeedLimits feedLimits() {
        return new InputReader.FeedLimits(getInt(HTTP_MAX_CONCURRENT_FETCHES), Duration.ofMillis(getLong(FEED_TIME_BUDGET_MS)),
                getInt(FEED_MAX_ITEMS));
    }

    /** How to fetch web pages and feeds. */
    public Fetcher.Settings fetchSettings() {
        return new Fetcher.Settings(Duration.ofMillis(getLong(HTTP_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(getLong(HTTP_TIMEOUT_MS)), getInt(HTTP_MAX_REDIRECTS), maxPageBytes(),
                getBoolean(ALLOW_PRIVATE_HOSTS), getString(HTTP_USER_AGENT));
    }

    /**
     * Producer settings. Idempotence and {@code acks=all} are the guarantee (no duplicate and no loss on
     * retry) and cannot be turned off; batching and compression are tuned for 3-10 KB text records and may
     * be overridden.
     */
    public Map<String, Object> producerProperties() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(ProducerConfig.CLIENT_ID_CONFIG, getString(CLIENT_ID));
        // Text compresses 3-4x with lz4 at little CPU cost, and better the more records share a batch:
        // 256 KB holds 25-80 articles of 3-10 KB, and 20 ms of linger fills it during bulk loads while
        // staying invisible to a human. A 2 MB request carries several batches to one broker at once.
        defaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        defaults.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        defaults.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        Map<String, Object> props = clientProperties(ProducerConfig.configNames(), defaults);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    /** Settings of the consumer that reads news.raw at start; security settings pass through. */
    public Map<String, Object> knownArticlesConsumerProperties() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, getString(CLIENT_ID) + "-known");
        Map<String, Object> props = clientProperties(org.apache.kafka.clients.consumer.ConsumerConfig.configNames(), defaults);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.remove(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }
}
