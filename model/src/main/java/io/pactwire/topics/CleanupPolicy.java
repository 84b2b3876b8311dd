package io.pactwire.topics;

import org.apache.kafka.common.config.TopicConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** A topic's {@code cleanup.policy}. */
public enum CleanupPolicy {
    /** Keep the latest record per key forever; a tombstone deletes the key. */
    COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT),
    /** Delete segments older than {@code retention.ms}. */
    DELETE(TopicConfig.CLEANUP_POLICY_DELETE);

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the {@code cleanup.policy} topic config. */
    public String configValue() {
        return configValue;
    }

    /** True when a {@code cleanup.policy} value as the broker reports it is exactly this policy. */
    public boolean matches(String brokerValue) {
        return normalise(brokerValue).equals(Set.of(configValue));
    }

    /** The set of policies in a {@code cleanup.policy} value, order and spacing ignored. */
    static Set<String> normalise(String brokerValue) {
        Set<String> policies = new TreeSet<>();
        if (brokerValue != null) {
            Arrays.stream(brokerValue.split(","))
                    .map(p -> p.strip().toLowerCase(Locale.ROOT))
                    .filter(p -> !p.isEmpty())
                    .forEach(policies::add);
        }
        return policies;
    }
}
