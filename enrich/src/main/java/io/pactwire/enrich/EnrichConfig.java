package io.pactwire.enrich;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.HostName;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the enricher. Any other key is a Kafka Streams (or client) setting and passes through,
 * except those this class derives from its own keys.
 */
public final class EnrichConfig extends PactwireConfig {
    public static final String APPLICATION_ID = "enrich.application.id";
    public static final String PROCESSING_GUARANTEE = "enrich.processing.guarantee";
    public static final String THREADS = "enrich.threads";
    public static final String STATE_DIR = "enrich.state.dir";
    public static final String MAX_BODY_CHARS = "enrich.max.body.chars";
    public static final String MAX_RESULT_BYTES = "enrich.max.result.bytes";
    public static final String THREAD_REPLACEMENTS = "enrich.thread.replacements";
    public static final String THREAD_REPLACEMENT_WINDOW_MS = "enrich.thread.replacement.window.ms";

    /** The default {@code commit.interval.ms} under exactly-once: how long a result waits, at most, to be visible. */
    static final int EXACTLY_ONCE_COMMIT_INTERVAL_MS = 50;

    /** Streams settings derived from Pactwire's keys; setting them directly would contradict those. */
    private static final Map<String, String> DERIVED = Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID,
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, PROCESSING_GUARANTEE,
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS,
            StreamsConfig.STATE_DIR_CONFIG, STATE_DIR);

    public EnrichConfig(ConfigInput input) {
        super("enrich", definition(), streamsKeys(), input);
    }

    public static ConfigDef definition() {
        return commonDefinition()
                .define(APPLICATION_ID, ConfigDef.Type.STRING, "pactwire-enrich", new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.HIGH,
                        "Kafka Streams application.id: the consumer group of all enricher instances and the prefix of their internal topics.")
                .define(PROCESSING_GUARANTEE, ConfigDef.Type.STRING, StreamsConfig.EXACTLY_ONCE_V2,
                        ConfigDef.ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE),
                        ConfigDef.Importance.MEDIUM,
                        "exactly_once_v2 (default: every raw article gives exactly one result, needs brokers with transactions) or at_least_once.")
                .define(THREADS, ConfigDef.Type.INT, Runtime.getRuntime().availableProcessors(), ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.MEDIUM,
                        "Stream threads per enricher instance. Default: the processors the JVM sees, since tagging is"
                                + " CPU-bound; threads beyond the partitions of news.raw assigned to the instance stay idle.")
                .define(STATE_DIR, ConfigDef.Type.STRING, defaultStateDir(System.getenv()),
                        new ConfigDef.NonEmptyString(), ConfigDef.Importance.MEDIUM,
                        "Directory of the enricher's local state; keep it on a volume to restart fast. The enricher keeps a"
                                + " folder per cluster (its cluster id) and per instance (instance-0, instance-1, ... each locked"
                                + " while its enricher runs) below it, and discards a state built from other topics or another"
                                + " cluster. {hostname} in it is replaced by the host's name. Default: $XDG_STATE_HOME/pactwire/enrich,"
                                + " else ~/.local/state/pactwire/enrich.")
                .define(MAX_BODY_CHARS, ConfigDef.Type.INT, 1024 * 1024, ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.MEDIUM,
                        "Longest article text (title, dateline and body together) the enricher tags, in characters; a longer"
                                + " one is dead-lettered with the reason.")
                .define(MAX_RESULT_BYTES, ConfigDef.Type.INT, 1_000_000, ConfigDef.Range.between(1024, 64 * 1024 * 1024),
                        ConfigDef.Importance.LOW,
                        "Largest serialized result written to news.enriched; a larger one is dead-lettered. Keep it under"
                                + " the topic's max.message.bytes (1 MiB by default).")
                .define(THREAD_REPLACEMENTS, ConfigDef.Type.INT, 3, ConfigDef.Range.atLeast(0), ConfigDef.Importance.LOW,
                        "How many failed stream threads are replaced within the window before the instance shuts down.")
                .define(THREAD_REPLACEMENT_WINDOW_MS, ConfigDef.Type.LONG, 10 * 60 * 1000L, ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.LOW, "The window of enrich.thread.replacements, in milliseconds.");
    }

    private static Set<String> streamsKeys() {
        Set<String> keys = new HashSet<>(kafkaClientKeys());
        keys.addAll(StreamsConfig.configDef().names());
        return keys;
    }

    @Override
    protected List<String> validate(Map<String, Object> parsed, Map<String, String> passThrough) {
        return settingsDecidedByPactwire(DERIVED, passThrough);
    }

    public String applicationId() {
        return pipelineId(APPLICATION_ID);
    }

    public boolean exactlyOnce() {
        return StreamsConfig.EXACTLY_ONCE_V2.equals(getString(PROCESSING_GUARANTEE));
    }

    /**
     * The default state directory: per user, outside the temporary directory (which a reboot or a cleaner
     * empties, and which Kafka Streams warns about), as the XDG base directory specification places state.
     */
    static String defaultStateDir(Map<String, String> env) {
        return defaultStateDir(env, "enrich");
    }

    /**
     * The state directory, with {@code {hostname}} replaced by this host's name: the base of the per-cluster,
     * per-instance folders of {@link LocalState}.
     */
    public Path stateDir() {
        return Path.of(getString(STATE_DIR).replace("{hostname}", HostName.get()));
    }

    public int maxBodyChars() {
        return getInt(MAX_BODY_CHARS);
    }

    public int maxResultBytes() {
        return getInt(MAX_RESULT_BYTES);
    }

    public int threadReplacements() {
        return getInt(THREAD_REPLACEMENTS);
    }

    public java.time.Duration threadReplacementWindow() {
        return java.time.Duration.ofMillis(getLong(THREAD_REPLACEMENT_WINDOW_MS));
    }

    /**
     * A default of the enricher's producer, as {@code producer.KEY}, unless the user set {@code KEY} or
     * {@code producer.KEY}: Streams prefers a prefixed setting, so a prefixed default would silently override the
     * user's unprefixed one.
     */
    private static void producerDefault(Map<String, Object> defaults, Map<String, String> passThrough, String key, Object value) {
        String prefixed = StreamsConfig.producerPrefix(key);
        if (!passThrough.containsKey(key) && !passThrough.containsKey(prefixed)) {
            defaults.put(prefixed, value);
        }
    }

    /**
     * The Streams settings: pass-through settings first, then Pactwire's own, then the dead-letter wiring
     * (poison pills, records failing in processing and results the broker refuses as too large go to
     * {@code news.dlq} with the original bytes and headers naming the exception and origin) and explicit
     * naming of internal resources.
     */
    @SuppressWarnings("deprecation") // processing.exception.handler.global.enabled: the default from Kafka 5.0
    public Map<String, Object> streamsProperties() {
        Map<String, String> passThrough = kafkaPassThrough();
        Map<String, Object> defaults = new LinkedHashMap<>();
        // The default 16 KB batch caps throughput of ~3 KB records at a few thousand a second per
        // partition; 256 KB batches measured 2-4x faster here at no latency cost under load.
        producerDefault(defaults, passThrough, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerDefault(defaults, passThrough, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A dead letter carries the original raw record (news.raw takes up to 16 MiB) plus headers.
        producerDefault(defaults, passThrough, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 * 1024 * 1024);
        // See TRANSACTIONAL_RETRY_BACKOFF_MS.
        producerDefault(defaults, passThrough, ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TRANSACTIONAL_RETRY_BACKOFF_MS);
        if (exactlyOnce()) {
            // Results are visible to read_committed consumers (the store) only when a transaction commits: at most
            // 50 ms after they are tagged, half the 100 ms of Streams' exactly-once default (issue 20's latency).
            // At-least-once results are visible as soon as written, and keep Streams' default of 30 s.
            defaults.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EXACTLY_ONCE_COMMIT_INTERVAL_MS);
        }
        Map<String, Object> props = new LinkedHashMap<>(defaults);
        props.putAll(passThrough);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, getString(PROCESSING_GUARANTEE));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(THREADS));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString()); // EnricherApp gives the instance's own folder
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics().deadLetters().name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Deserialization.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionExceptionHandler.class);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return props;
    }
}
