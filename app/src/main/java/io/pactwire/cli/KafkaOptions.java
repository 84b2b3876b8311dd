package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How a command finds its cluster and settings; shared by every command that talks to Kafka. */
final class KafkaOptions {

    @Option(names = {"--bootstrap-server", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers, as Kafka's own tools take them. Default: env KAFKA_BOOTSTRAP_SERVERS.")
    String bootstrapServers;

    @Option(names = {"-c", "--command-config", "--config"}, paramLabel = "FILE",
            description = "Properties file with Pactwire keys and Kafka client settings (security, tuning), as Kafka's"
                    + " tools take --command-config.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set one key (Pactwire's or a Kafka client setting); repeatable. Wins over the file and env.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** File, environment, then flags: see ConfigSources for the precedence. */
    ConfigInput input() {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        if (bootstrapServers != null) {
            flags.put(PactwireConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return ConfigInput.load(Optional.ofNullable(configFile), System.getenv(), flags);
    }
}
