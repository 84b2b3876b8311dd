package io.pactwire.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The raw settings of a service before validation, by source. Precedence, lowest first: the declared
 * defaults, {@link #file}, {@link #environment}, {@link #flags}.
 *
 * @param file        settings from a properties file, by key
 * @param environment the process environment, by variable name (only {@code PACTWIRE_*} and
 *                    {@code KAFKA_*} variables are read)
 * @param flags       settings from the command line, by key
 */
public record ConfigInput(Map<String, String> file, Map<String, String> environment, Map<String, String> flags) {

    public ConfigInput {
        file = Map.copyOf(file);
        environment = Map.copyOf(environment);
        flags = Map.copyOf(flags);
    }

    /** Only the given settings: no file, no environment. For tests and embedded use. */
    public static ConfigInput of(Map<String, String> settings) {
        return new ConfigInput(Map.of(), Map.of(), settings);
    }

    /** The file (if any) and the environment, with flags on top. */
    public static ConfigInput load(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {
        return new ConfigInput(file.map(ConfigSources::fromFile).orElse(Map.of()),
                ConfigSources.relevantEnvironment(environment), flags);
    }

    /** The same input with one more flag set. */
    public ConfigInput withFlag(String key, String value) {
        var flags = new java.util.HashMap<>(this.flags);
        flags.put(key, value);
        return new ConfigInput(file, environment, flags);
    }
}
