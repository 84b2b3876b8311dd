package io.pactwire.config;

import io.pactwire.topics.PipelineTopics;
import io.pactwire.topics.TopicSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's settings: its own keys, declared once in a {@link ConfigDef} (typed, defaulted, validated
 * and documented), plus Kafka client settings that pass through to its clients untouched. Construction
 * validates everything and reports every problem together in a {@link ConfigValidationException}.
 */
public abstract class PactwireConfig {
    public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String TOPICS_PREFIX = "topics.prefix";
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TOPICS_ENRICHED_RETENTION_MS = "topics.enriched.retention.ms";
    public static final String TOPICS_DLQ_RETENTION_MS = "topics.dlq.retention.ms";
    public static final String HEALTH_FILE = "health.file";
    public static final String STARTUP_TIMEOUT_MS = "startup.timeout.ms";
    public static final String METRICS_PORT = "metrics.port";
    public static final String METRICS_HOST = "metrics.host";
    /**
     * The default {@code retry.backoff.ms} of the transactional producers (the enricher's and the store's). A
     * transaction's first requests can meet the previous transaction still completing (CONCURRENT_TRANSACTIONS),
     * which takes a few milliseconds; retried after Kafka's default of 100 ms, that wait was most of the store's p99
     * latency. Kafka's producer retries its own first AddPartitionsToTxn after 20 ms for the same reason; later
     * retries of any request still back off exponentially up to {@code retry.backoff.max.ms}.
     */
    public static final int TRANSACTIONAL_RETRY_BACKOFF_MS = 10;

    private final String service;
    private final ConfigDef definition;
    private final Map<String, Object> values;
    private final Map<String, String> passThrough;
    private final Set<String> kafkaKeys;
    private final Set<String> given;
    private final PipelineTopics topics;

    /**
     * @param service    the service's name, for messages
     * @param definition its keys, usually {@link #commonDefinition()} plus its own
     * @param kafkaKeys  the Kafka settings its clients accept, which {@code KAFKA_*} variables may set
     * @param input      the settings by source
     */
    protected PactwireConfig(String service, ConfigDef definition, Set<String> kafkaKeys, ConfigInput input) {
        this.service = service;
        this.definition = definition;
        this.kafkaKeys = Set.copyOf(kafkaKeys);
        List<String> problems = new ArrayList<>();
        Map<String, String> merged = new LinkedHashMap<>(input.file());
        merged.putAll(environmentSettings(input.environment(), problems));
        merged.putAll(input.flags());

        Map<String, ConfigValue> validated = definition.validateAll(merged);
        for (ConfigValue value : validated.values()) {
            // The first message is the one that matters: a value that does not parse is then also
            // reported as null by the key's validator.
            if (!value.errorMessages().isEmpty()) {
                problems.add(describeKey(value.name()) + ": " + value.errorMessages().get(0));
            }
        }
        Map<String, String> rest = new TreeMap<>();
        merged.forEach((key, value) -> {
            if (!definition.names().contains(key)) {
                rest.put(key, value);
            }
        });
        if (problems.isEmpty()) {
            problems.addAll(validate(definition.parse(merged), rest));
        }
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(service, problems);
        }
        this.values = Collections.unmodifiableMap(definition.parse(merged));
        this.passThrough = Collections.unmodifiableMap(rest);
        this.given = Set.copyOf(merged.keySet());
        this.topics = PipelineTopics.withPrefix(definition.names().contains(TOPICS_PREFIX) ? getString(TOPICS_PREFIX) : "");
    }

    /**
     * Cross-key checks of a subclass, run once every key is valid on its own; each problem a line that
     * names its key. Must not touch the subclass's fields (they are not set yet).
     */
    protected List<String> validate(Map<String, Object> parsed, Map<String, String> passThrough) {
        return List.of();
    }

    /** The keys every service shares: where the cluster is and how topics are created. */
    public static ConfigDef commonDefinition() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE,
                        ConfigDef.Importance.HIGH,
                        "Kafka bootstrap servers, host:port[,host:port...]. Also --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS.")
                .define(TOPICS_PREFIX, ConfigDef.Type.STRING, "",
                        (name, value) -> {
                            if (!PipelineTopics.isLegalPrefix((String) value)) {
                                throw new org.apache.kafka.common.config.ConfigException(name, value,
                                        "may hold only a-z, A-Z, 0-9, '.', '_' and '-', at most 200 of them");
                            }
                        },
                        ConfigDef.Importance.MEDIUM,
                        "A prefix for every topic name (staging. gives staging.news.raw, ...), so that several pipelines share"
                                + " a cluster; it also prefixes the default enricher and serve application ids and the store's"
                                + " group and transactional ids. Every command and service of one pipeline needs the same prefix.")
                .define(TOPICS_PARTITIONS, ConfigDef.Type.INT, TopicSettings.DEFAULT_PARTITIONS, ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.MEDIUM, "Partitions of each topic when Pactwire creates it.")
                .define(TOPICS_REPLICATION_FACTOR, ConfigDef.Type.SHORT, (short) -1,
                        (name, value) -> {
                            if (value != null && (Short) value != -1 && (Short) value < 1) {
                                throw new org.apache.kafka.common.config.ConfigException(name, value, "must be -1 (broker default) or at least 1");
                            }
                        },
                        ConfigDef.Importance.MEDIUM,
                        "Replication factor of each topic when Pactwire creates it; -1 uses the broker's default.replication.factor.")
                .define(TOPICS_ENRICHED_RETENTION_MS, ConfigDef.Type.LONG,
                        TopicSettings.DEFAULT_ENRICHED_RETENTION.toMillis(), ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.LOW, "retention.ms of news.enriched when Pactwire creates it.")
                .define(TOPICS_DLQ_RETENTION_MS, ConfigDef.Type.LONG,
                        TopicSettings.DEFAULT_DEAD_LETTER_RETENTION.toMillis(), ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.LOW, "retention.ms of news.dlq when Pactwire creates it.")
                .define(STARTUP_TIMEOUT_MS, ConfigDef.Type.LONG, 15_000L, ConfigDef.Range.atLeast(1),
                        ConfigDef.Importance.MEDIUM,
                        "How long a command waits at start for a broker of bootstrap.servers to answer before it stops"
                                + " with one line naming the servers (exit 1).")
                .define(HEALTH_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
                        "A file a running service touches every few seconds while it is healthy and deletes when it is"
                                + " not, for container healthchecks; empty for none.")
                .define(METRICS_PORT, ConfigDef.Type.INT, null,
                        (name, value) -> {
                            if (value != null && ((Integer) value < 0 || (Integer) value > 65535)) {
                                throw new org.apache.kafka.common.config.ConfigException(name, value, "must be a TCP port, 0 to 65535");
                            }
                        },
                        ConfigDef.Importance.MEDIUM,
                        "The HTTP port on which a running service serves /metrics (Prometheus text format), /health/live and"
                                + " /health/ready; unset for none; 0 takes a free port, logged at start.")
                .define(METRICS_HOST, ConfigDef.Type.STRING, "0.0.0.0", ConfigDef.NonEmptyStringWithoutControlChars.nonEmptyStringWithoutControlChars(),
                        ConfigDef.Importance.LOW,
                        "The address the metrics.port listens on: 0.0.0.0 (every interface, for a scraper or healthcheck in"
                                + " another container) or 127.0.0.1 (this host only). The endpoints have no authentication"
                                + " and reveal nothing but counts and states.");
    }

    public String service() {
        return service;
    }

    public ConfigDef configDef() {
        return definition;
    }

    /**
     * One problem per Kafka setting of {@code decided} that the user set although Pactwire decides it, by one of
     * its own keys (named with its environment variable) or by a guarantee (said in words).
     */
    protected static List<String> settingsDecidedByPactwire(Map<String, String> decided, Map<String, String> passThrough) {
        List<String> problems = new ArrayList<>();
        decided.forEach((kafkaKey, decidedBy) -> {
            if (passThrough.containsKey(kafkaKey)) {
                String how = decidedBy.contains(".") && !decidedBy.contains(" ")
                        ? decidedBy + " (env " + ConfigSources.envVarFor(decidedBy) + ")" : decidedBy;
                problems.add(kafkaKey + " is decided by " + how + "; do not set it directly");
            }
        });
        problems.sort(null);
        return problems;
    }

    /**
     * The default folder of a service's local state: {@code $XDG_STATE_HOME/pactwire/<service>} when that is an
     * absolute path, else {@code ~/.local/state/pactwire/<service>}.
     */
    public static String defaultStateDir(Map<String, String> env, String service) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("pactwire").resolve(service).toString();
    }

    /** This pipeline's topics: Pactwire's under {@code topics.prefix}. */
    public PipelineTopics topics() {
        return topics;
    }

    /**
     * The value of an id key whose default belongs to one pipeline: as given, else its default under
     * {@code topics.prefix}, so that two pipelines on one cluster get groups and transactional ids of their own.
     */
    protected String pipelineId(String key) {
        String value = getString(key);
        return given.contains(key) ? value : topics.id(value);
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    /** The file to touch while healthy, if one is configured. */
    /** How long a command waits at start for the cluster to answer ({@value #STARTUP_TIMEOUT_MS}). */
    public java.time.Duration startupTimeout() {
        return java.time.Duration.ofMillis(getLong(STARTUP_TIMEOUT_MS));
    }

    public Optional<Path> healthFile() {
        String file = getString(HEALTH_FILE);
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
    }

    /** The port to serve metrics and health on, if one is configured (0: any free port). */
    public Optional<Integer> metricsPort() {
        return Optional.ofNullable((Integer) values.get(METRICS_PORT));
    }

    public String metricsHost() {
        return getString(METRICS_HOST);
    }

    public TopicSettings topicSettings() {
        short rf = getShort(TOPICS_REPLICATION_FACTOR);
        return new TopicSettings(Optional.of(getInt(TOPICS_PARTITIONS)),
                rf == -1 ? Optional.empty() : Optional.of(rf),
                Duration.ofMillis(getLong(TOPICS_ENRICHED_RETENTION_MS)),
                Duration.ofMillis(getLong(TOPICS_DLQ_RETENTION_MS)));
    }

    /** Kafka client settings given by the user (security, tuning), without Pactwire's own keys. */
    public Map<String, String> kafkaPassThrough() {
        return passThrough;
    }

    /** Settings for an Admin client: bootstrap servers and the pass-through settings an admin accepts. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        passThrough.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /**
     * Settings for a reader outside any consumer group that sees only committed records: what a
     * downstream consumer of Pactwire's topics sees.
     */
    public Map<String, Object> readerProperties() {
        Map<String, Object> props = clientProperties(ConsumerConfig.configNames(), Map.of());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /** Settings for a client of the given kind: defaults, overridden by pass-through settings it accepts. */
    protected Map<String, Object> clientProperties(Set<String> acceptedKeys, Map<String, Object> defaults) {
        Map<String, Object> props = new LinkedHashMap<>(defaults);
        passThrough.forEach((key, value) -> {
            if (acceptedKeys.contains(key)) {
                props.put(key, value);
            }
        });
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    public String getString(String key) {
        return (String) values.get(key);
    }

    public int getInt(String key) {
        return (Integer) values.get(key);
    }

    public short getShort(String key) {
        return (Short) values.get(key);
    }

    public long getLong(String key) {
        return (Long) values.get(key);
    }

    public boolean getBoolean(String key) {
        return (Boolean) values.get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        return (List<String>) values.get(key);
    }

    public Password getPassword(String key) {
        return (Password) values.get(key);
    }

    /** The key with its environment variable, for messages. */
    protected String describeKey(String key) {
        return key + " (env " + (kafkaKeys.contains(key) ? ConfigSources.kafkaEnvVarFor(key)
                : ConfigSources.envVarFor(key)) + ")";
    }

    /**
     * Maps {@code PACTWIRE_*} variables to this service's keys and {@code KAFKA_*} variables to Kafka
     * client settings. An unknown {@code PACTWIRE_*} variable is a problem (a typo must not be ignored);
     * an unknown {@code KAFKA_*} variable is left alone, as the Kafka tools use that prefix too.
     */
    private Map<String, String> environmentSettings(Map<String, String> environment, List<String> problems) {
        Map<String, String> settings = new TreeMap<>();
        Set<String> ours = new HashSet<>(definition.names());
        ConfigSources.relevantEnvironment(environment).forEach((name, value) -> {
            String key = ConfigSources.keyForEnvVar(name);
            if (ConfigSources.PROCESS_VARIABLES.contains(name)) {
                return;
            }
            if (name.startsWith(ConfigSources.PACTWIRE_ENV_PREFIX)) {
                if (ours.contains(key)) {
                    settings.put(key, value);
                } else {
                    problems.add(name + ": not a setting of " + service + " (no key " + key + ")");
                }
            } else if (kafkaKeys.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    /** Every setting a producer, consumer or admin client accepts. */
    public static Set<String> kafkaClientKeys() {
        Set<String> keys = new HashSet<>();
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        return Collections.unmodifiableSet(keys);
    }
}
