package io.pactwire.bench.pipeline;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.store.StoreConfig;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One broker's stage: where the broker is, the stage's folder, and the settings of {@code --set} for every service. */
final class Stage {
    static final String BARE_TOPIC = "bench.bare";
    static final String BARE_READING_TOPIC = "bench.bare-reading";
    static final String BARE_REWRITING_TOPIC = "bench.bare-rewriting";

    final String bootstrap;
    final Path dir;
    private final Map<String, String> settings;

    Stage(String bootstrap, Path dir, Map<String, String> settings) throws IOException {
        this.bootstrap = bootstrap;
        this.dir = Files.createDirectories(dir);
        this.settings = Map.copyOf(settings);
    }

    /** A service's config input: the settings, this broker, the enricher's state in the stage's folder, then {@code extra}. */
    ConfigInput input(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(Map.of(PactwireConfig.BOOTSTRAP_SERVERS, bootstrap, EnrichConfig.STATE_DIR, dir.resolve("state").toString()));
        all.putAll(extra);
        return ConfigInput.of(all);
    }

    /** {@code args}, then the settings as {@code --set KEY=VALUE}: a service process's command line. */
    List<String> serviceArgs(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        settings.forEach((key, value) -> all.addAll(List.of("--set", key + "=" + value)));
        return all;
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    /** The pipeline's topics, and the ceilings' and bound's topics configured as the topics they stand beside. */
    void createTopics() throws Exception {
        StoreConfig config = new StoreConfig(input(Map.of()));
        try (Admin admin = admin()) {
            new TopicProvisioner(admin, config.topicSettings(), Duration.ofSeconds(60)).ensure(Topics.all());
            Optional<Integer> partitions = config.topicSettings().partitions();
            Optional<Short> replication = config.topicSettings().replicationFactor();
            Map<String, String> raw = Topics.RAW.configs(config.topicSettings());
            admin.createTopics(List.of(
                    new NewTopic(BARE_TOPIC, partitions, replication).configs(raw),
                    new NewTopic(BARE_READING_TOPIC, partitions, replication).configs(raw),
                    new NewTopic(BARE_REWRITING_TOPIC, partitions, replication).configs(raw),
                    new NewTopic(ReadAndTagTopology.RESULTS_OUTPUT, partitions, replication)
                            .configs(Topics.ENRICHED.configs(config.topicSettings())),
                    new NewTopic(PassThroughTopology.OUTPUT, partitions, replication).configs(raw)))
                    .all().get(60, TimeUnit.SECONDS);
        }
    }
}
