package io.pactwire.config;

import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where settings come from. Later sources override earlier ones:
 * <ol>
 *   <li>the defaults declared with each key,</li>
 *   <li>a properties file ({@code --config FILE}),</li>
 *   <li>environment variables: {@code PACTWIRE_TOPICS_PARTITIONS} sets {@code topics.partitions}, and
 *       {@code KAFKA_SECURITY_PROTOCOL} sets the Kafka client setting {@code security.protocol},</li>
 *   <li>command-line flags ({@code --bootstrap-servers}, {@code --set key=value}).</li>
 * </ol>
 * Keys a service does not declare are Kafka client settings and pass through to its clients.
 */
public final class ConfigSources {
    /** Prefix of the environment variables that set Pactwire's own keys. */
    public static final String PACTWIRE_ENV_PREFIX = "PACTWIRE_";
    /** Prefix of the environment variables that set Kafka client settings. */
    public static final String KAFKA_ENV_PREFIX = "KAFKA_";

    private ConfigSources() {
    }

    /** The environment variable that sets a Pactwire key: {@code topics.partitions} → {@code PACTWIRE_TOPICS_PARTITIONS}. */
    public static String envVarFor(String key) {
        return PACTWIRE_ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The environment variable that sets a Kafka client setting: {@code security.protocol} → {@code KAFKA_SECURITY_PROTOCOL}. */
    public static String kafkaEnvVarFor(String key) {
        return KAFKA_ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The key an environment variable sets, or null when the name has neither prefix. */
    public static String keyForEnvVar(String name) {
        String rest;
        if (name.startsWith(PACTWIRE_ENV_PREFIX)) {
            rest = name.substring(PACTWIRE_ENV_PREFIX.length());
        } else if (name.startsWith(KAFKA_ENV_PREFIX)) {
            rest = name.substring(KAFKA_ENV_PREFIX.length());
        } else {
            return null;
        }
        return rest.isEmpty() ? null : rest.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Reads a properties file (UTF-8); a missing or unreadable file is an error naming it. */
    public static Map<String, String> fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k.strip(), properties.getProperty(k).strip()));
        return values;
    }

    /**
     * {@code PACTWIRE_*} variables that are not settings of a service: read by the process itself before any
     * configuration (the log format, read by logging when it starts).
     */
    public static final Set<String> PROCESS_VARIABLES = Set.of("PACTWIRE_LOG_FORMAT");

    /**
     * The environment variables with either prefix, by the variable's name. Which of them a service
     * accepts is decided by {@link PactwireConfig}, which knows its keys.
     */
    public static Map<String, String> relevantEnvironment(Map<String, String> environment) {
        Map<String, String> relevant = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (keyForEnvVar(name) != null) {
                relevant.put(name, value);
            }
        });
        return relevant;
    }

    /** Merges maps; later ones win. */
    @SafeVarargs
    public static Map<String, String> merge(Map<String, String>... layers) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> layer : layers) {
            merged.putAll(layer);
        }
        return merged;
    }
}
