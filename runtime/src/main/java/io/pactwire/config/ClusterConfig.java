package io.pactwire.config;

/** The settings every service shares (cluster address, topic creation), and nothing else. */
public final class ClusterConfig extends PactwireConfig {

    public ClusterConfig(ConfigInput input) {
        super("topics", commonDefinition(), kafkaClientKeys(), input);
    }
}
