package io.pactwire.store;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.HostName;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Settings of the store. Any other key is a Kafka consumer or producer setting and passes through. */
public final class StoreConfig extends PactwireConfig {
    public static final String GROUP_ID = "store.group.id";
    public static final String TRANSACTIONAL_ID = "store.transactional.id";
    public static final String STATE_DIR = "store.state.dir";
    public static final String STATE_TIMEOUT_MS = "store.state.timeout.ms";

    /** Client settings the store decides itself, because its guarantee depends on them. */
    private static final Map<String, String> FIXED = Map.of(
            ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "the store's guarantee (always read_committed)",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "the store's guarantee (offsets commit in the transaction)");

    public StoreConfig(ConfigInput input) {
        super("store", definition(), kafkaClientKeys(), input);
    }

    public static ConfigDef definition() {
        return commonDefinition()
                .define(GROUP_ID, ConfigDef.Type.STRING, "pactwire-store", new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.HIGH, "Consumer group of the store instances.")
                .define(TRANSACTIONAL_ID, ConfigDef.Type.STRING, "pactwire-store-" + HostName.get(),
                        new ConfigDef.NonEmptyString(), ConfigDef.Importance.MEDIUM,
                        "transactional.id of this store instance's producer: unique per instance and stable across its"
                                + " restarts, so a restart aborts what a crashed predecessor left open. Defaults to"
                                + " pactwire-store-<host name>.")
                .define(STATE_DIR, ConfigDef.Type.STRING, defaultStateDir(System.getenv(), "store"),
                        new ConfigDef.NonEmptyString(), ConfigDef.Importance.MEDIUM,
                        "Directory of the store's local index of news.articles (each article's stored result, with the"
                                + " offset read up to), so that a start or a rebalance reads only what news.articles gained"
                                + " since; a folder per cluster below it, one instance per directory. {hostname} in it is"
                                + " replaced by the host's name. Default: $XDG_STATE_HOME/pactwire/store, else"
                                + " ~/.local/state/pactwire/store.")
                .define(STATE_TIMEOUT_MS, ConfigDef.Type.LONG, 120_000L, ConfigDef.Range.between(1, 3_600_000),
                        ConfigDef.Importance.LOW,
                        "How long the store may take, when partitions are assigned, to catch its local index of"
                                + " news.articles up: only what the partitions gained since it last read them, or all of them"
                                + " the first time.");
    }

    @Override
    protected List<String> validate(Map<String, Object> parsed, Map<String, String> passThrough) {
        return settingsDecidedByPactwire(FIXED, passThrough);
    }

    /** The store's consumer group: {@code store.group.id}, by default under {@code topics.prefix}. */
    public String groupId() {
        return pipelineId(GROUP_ID);
    }

    /** The state directory with {@code {hostname}} replaced: the base of the per-cluster folders. */
    public Path stateDir() {
        return Path.of(getString(STATE_DIR).replace("{hostname}", HostName.get()));
    }

    /** How long catching the local index up may take ({@value #STATE_TIMEOUT_MS}). */
    public Duration stateTimeout() {
        return Duration.ofMillis(getLong(STATE_TIMEOUT_MS));
    }

    /** The store's transactional id: {@code store.transactional.id}, by default under {@code topics.prefix}. */
    public String transactionalId() {
        return pipelineId(TRANSACTIONAL_ID);
    }

    public Map<String, Object> consumerProperties() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        defaults.put(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId() + "-consumer");
        Map<String, Object> props = clientProperties(ConsumerConfig.configNames(), defaults);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /**
     * Settings for the producer of {@code replay --rebuild-store}, which writes a tombstone for every article of
     * news.articles: idempotent and {@code acks=all}, but outside the store's transactions (the stores are
     * stopped, and their transactional id must not be fenced by a command).
     */
    public Map<String, Object> rebuildProducerProperties() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        defaults.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId() + "-rebuild");
        Map<String, Object> props = clientProperties(ProducerConfig.configNames(), defaults);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    public Map<String, Object> producerProperties() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        defaults.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        defaults.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TRANSACTIONAL_RETRY_BACKOFF_MS);
        defaults.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId() + "-producer");
        Map<String, Object> props = clientProperties(ProducerConfig.configNames(), defaults);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }
}
