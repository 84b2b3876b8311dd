package io.pactwire.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The README documents every setting of the connector, and the connector config it shows uses only known keys. */
class ConnectDocsTest {
    private static final Path ROOT = Path.of("..");
    /** Connect's own connector settings that the README's config sets. */
    private static final Set<String> CONNECT_KEYS = Set.of("connector.class", "tasks.max", "key.converter", "value.converter",
            "header.converter", "errors.tolerance", "errors.log.enable");

    @Test
    void readmeHasARowForEverySetting() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Kafka Connect source"));

        for (String key : NewsSourceConfig.DEFINITION.names()) {
            assertThat(section).as("README row for " + key).contains("| `" + key + "` |");
        }
    }

    @Test
    void theConnectorConfigOfTheReadmeUsesOnlyKnownSettings() throws IOException {
        JsonNode config = new ObjectMapper().readTree(ROOT.resolve("connect/news-source.json").toFile());

        config.fieldNames().forEachRemaining(key -> assertThat(NewsSourceConfig.DEFINITION.names().contains(key)
                || CONNECT_KEYS.contains(key)).as(key).isTrue());
        assertThat(config.get("connector.class").asText()).isEqualTo(NewsSourceConnector.class.getName());
    }

    @Test
    void theWorkerOfComposeConvertsAsIngestWrites() throws IOException {
        java.util.Properties worker = new java.util.Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("connect/worker.properties"))) {
            worker.load(in);
        }

        assertThat(worker.getProperty("key.converter")).isEqualTo("org.apache.kafka.connect.storage.StringConverter");
        assertThat(worker.getProperty("value.converter")).isEqualTo("org.apache.kafka.connect.converters.ByteArrayConverter");
        assertThat(worker.getProperty("exactly.once.source.support")).isEqualTo("enabled");
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).contains("./connect/target/plugin:" + worker.getProperty("plugin.path"));
    }
}
