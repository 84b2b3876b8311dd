package io.pactwire.config;

import org.apache.kafka.common.config.ConfigException;

import java.util.List;

/** Every problem found in a service's settings, reported together before anything connects. */
public final class ConfigValidationException extends ConfigException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigValidationException(String service, List<String> problems) {
        super("Invalid " + service + " settings (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
