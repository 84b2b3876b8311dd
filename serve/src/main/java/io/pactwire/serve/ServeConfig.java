package io.pactwire.serve;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.HostName;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of {@code pactwire serve}. Any other key is a Kafka Streams (or client) setting and passes through,
 * except those derived from serve's own keys.
 */
public final class ServeConfig extends PactwireConfig {
    public static final String PORT = "serve.port";
    public static final String HOST = "serve.host";
    public static final String STATE_DIR = "serve.state.dir";
    public static final String APPLICATION_ID = "serve.application.id";

    private static final Map<String, String> DERIVED = Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID,
            StreamsConfig.STATE_DIR_CONFIG, STATE_DIR);

    public ServeConfig(ConfigInput input) {
        super("serve", definition(), streamsKeys(), input);
    }

    public static ConfigDef definition() {
        return commonDefinition()
                .define(PORT, ConfigDef.Type.INT, 8080, ConfigDef.Range.between(0, 65535), ConfigDef.Importance.HIGH,
                        "HTTP port of the web page and the JSON API; 0 takes a free port, logged at start.")
                .define(HOST, ConfigDef.Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), ConfigDef.Importance.MEDIUM,
                        "Address serve.port listens on: 0.0.0.0 (every interface) or 127.0.0.1 (this host only).")
                .define(STATE_DIR, ConfigDef.Type.STRING, defaultStateDir(System.getenv()), new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.MEDIUM,
                        "Directory of serve's local state (the topics' current records, with Kafka Streams' checkpoints),"
                                + " so that a restart reads only what changed; a folder per cluster below it. {hostname} in it"
                                + " is replaced by the host's name. Default: $XDG_STATE_HOME/pactwire/serve, else"
                                + " ~/.local/state/pactwire/serve.")
                .define(APPLICATION_ID, ConfigDef.Type.STRING, "pactwire-serve", new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.LOW, "Kafka Streams application.id of serve.");
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

    static String defaultStateDir(Map<String, String> env) {
        return defaultStateDir(env, "serve");
    }

    public int port() {
        return getInt(PORT);
    }

    public String host() {
        return getString(HOST);
    }

    public String applicationId() {
        return pipelineId(APPLICATION_ID);
    }

    /** The state directory with {@code {hostname}} replaced: the base of the per-cluster folders. */
    public Path stateDir() {
        return Path.of(getString(STATE_DIR).replace("{hostname}", HostName.get()));
    }

    /**
     * The Streams settings: pass-through first, then serve's own. Global stores only, so no stream thread has
     * work and one suffices; the view reads committed records only, as a downstream consumer does; a record
     * it cannot read is logged and skipped (the enricher and store dead-letter what they cannot read, and a
     * view must not stop over one record).
     */
    @SuppressWarnings("deprecation") // processing.exception.handler.global.enabled: the default from Kafka 5.0
    public Map<String, Object> streamsProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.putAll(clientProperties(streamsKeys(), Map.of()));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        return props;
    }
}
