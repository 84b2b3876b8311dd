package io.pactwire.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings a command uses out of a service's definition, and no others: what an offline command (one that needs
 * no cluster: {@code tag}, {@code extract}) reads, so that it asks for no {@code bootstrap.servers} it would never
 * use. Each key keeps the type, default, validator and documentation of its service's {@link ConfigDef}, declared
 * once there; its value comes from the same sources as the service's, with the same precedence (the declared
 * default, the file, {@code PACTWIRE_*} environment variables, flags).
 * <p>
 * What lies outside the scope is left alone where it is shared: a file or environment written for the whole
 * service (its cluster, its Kafka client settings, other commands' keys) serves the command unchanged. A flag,
 * given to this command alone, must name a key of the service: a typo there is a problem, reported with the
 * others before the command does anything ({@link ConfigValidationException}).
 */
public final class ConfigScope {
    private final String service;
    private final Map<String, Object> values;

    private ConfigScope(String service, Map<String, Object> values) {
        this.service = service;
        this.values = values;
    }

    /**
     * Reads and validates {@code keys} of {@code definition} from {@code input}.
     *
     * @param service    the service whose keys they are, for messages
     * @param definition every key of the service
     * @param keys       the keys the command uses, each a key of {@code definition}
     * @throws IllegalArgumentException   when a key is not in the definition (a programming error)
     * @throws ConfigValidationException every problem of the settings in scope, and flags naming no key of the service
     */
    public static ConfigScope of(String service, ConfigDef definition, Collection<String> keys, ConfigInput input) {
        ConfigDef scoped = new ConfigDef();
        Set<String> scope = new LinkedHashSet<>(keys);
        for (String key : scope) {
            ConfigDef.ConfigKey declared = definition.configKeys().get(key);
            if (declared == null) {
                throw new IllegalArgumentException(key + " is not a setting of " + service);
            }
            scoped.define(declared);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> merged = new LinkedHashMap<>();
        input.file().forEach((key, value) -> {
            if (scope.contains(key)) {
                merged.put(key, value);
            }
        });
        ConfigSources.relevantEnvironment(input.environment()).forEach((name, value) -> {
            String key = ConfigSources.keyForEnvVar(name);
            if (name.startsWith(ConfigSources.PACTWIRE_ENV_PREFIX) && scope.contains(key)) {
                merged.put(key, value);
            }
        });
        input.flags().forEach((key, value) -> {
            if (scope.contains(key)) {
                merged.put(key, value);
            } else if (!definition.names().contains(key)) {
                problems.add(key + ": not a setting of " + service);
            }
        });
        for (ConfigValue value : scoped.validateAll(merged).values()) {
            if (!value.errorMessages().isEmpty()) {
                problems.add(value.name() + " (env " + ConfigSources.envVarFor(value.name()) + "): "
                        + value.errorMessages().get(0));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(service, problems);
        }
        return new ConfigScope(service, Collections.unmodifiableMap(scoped.parse(merged)));
    }

    public String service() {
        return service;
    }

    public String getString(String key) {
        return (String) value(key);
    }

    public int getInt(String key) {
        return (Integer) value(key);
    }

    public long getLong(String key) {
        return (Long) value(key);
    }

    public boolean getBoolean(String key) {
        return (Boolean) value(key);
    }

    private Object value(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(key + " is outside this scope of " + service + "'s settings");
        }
        return values.get(key);
    }
}
