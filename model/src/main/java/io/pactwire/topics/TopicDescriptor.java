package io.pactwire.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything a client needs to know about one topic: its name, how keys and values are encoded, and
 * the configs it is created with. The descriptors are constants in {@link Topics}, under a prefix in
 * {@link PipelineTopics}; no topic name is written anywhere else.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TopicDescriptor<K, V> {
    private final String name;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;
    private final CleanupPolicy cleanupPolicy;
    private final Function<TopicSettings, Map<String, String>> extraConfigs;

    TopicDescriptor(String name, Serde<K> keySerde, Serde<V> valueSerde, CleanupPolicy cleanupPolicy,
                    Function<TopicSettings, Map<String, String>> extraConfigs) {
        this.name = Objects.requireNonNull(name, "name");
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
        this.cleanupPolicy = Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        this.extraConfigs = Objects.requireNonNull(extraConfigs, "extraConfigs");
    }

    public String name() {
        return name;
    }

    /** This topic under {@code prefix} ({@code topics.prefix}): the same contract, another name. */
    public TopicDescriptor<K, V> prefixed(String prefix) {
        return prefix.isEmpty() ? this : new TopicDescriptor<>(prefix + name, keySerde, valueSerde, cleanupPolicy, extraConfigs);
    }

    public Serde<K> keySerde() {
        return keySerde;
    }

    public Serde<V> valueSerde() {
        return valueSerde;
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /** The topic configs to create it with, {@code cleanup.policy} included. */
    public Map<String, String> configs(TopicSettings settings) {
        Map<String, String> configs = new TreeMap<>(extraConfigs.apply(settings));
        configs.put("cleanup.policy", cleanupPolicy.configValue());
        return Map.copyOf(configs);
    }

    /** The Admin API request that creates this topic. */
    public NewTopic newTopic(TopicSettings settings) {
        return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(configs(settings));
    }

    @Override
    public String toString() {
        return name;
    }
}
