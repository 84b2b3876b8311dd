package io.pactwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pactwire.config.ConfigSources;
import io.pactwire.config.PactwireConfig;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.model.AgreementIds;
import io.pactwire.model.AgreementRecord;
import io.pactwire.model.ContentHash;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.runtime.Service;
import io.pactwire.serve.ServeConfig;
import io.pactwire.store.StoreConfig;
import io.pactwire.topics.TopicDescriptor;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README, docs/topics.md, .ci/run and docker-compose.yml say what the code does. */
class DocsTest {
    private static final Path ROOT = Path.of("..");
    private static final Map<String, ConfigDef> SERVICE_KEYS = Map.of(
            "topics", PactwireConfig.commonDefinition(),
            "ingest", IngestConfig.definition(),
            "enrich", EnrichConfig.definition(),
            "store", StoreConfig.definition(),
            "serve", ServeConfig.definition());

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    @Test
    void readmeOpensWithTheDemoAndTheTestCommand() throws IOException {
        String readme = read("README.md");
        Matcher firstBlock = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(firstBlock.find()).isTrue();
        assertThat(firstBlock.group(1).lines().map(l -> l.replaceAll("\\s*#.*", "").strip()).toList())
                .containsExactly("./pactwire demo", "./mvnw verify");
        assertThat(read(".ci/run")).contains("exec ./mvnw -B verify");
    }

    @Test
    void readmeListsEveryConfigKeyWithItsEnvironmentVariable() throws IOException {
        String readme = read("README.md");
        SERVICE_KEYS.values().forEach(def -> def.names().forEach(key -> {
            String env = key.equals(PactwireConfig.BOOTSTRAP_SERVERS) ? ConfigSources.kafkaEnvVarFor(key) : ConfigSources.envVarFor(key);
            assertThat(readme).as("README row for " + key).contains("| `" + key + "` | `" + env + "` |");
        }));
    }

    @Test
    void readmeListsEveryCommand() throws IOException {
        String readme = read("README.md");
        for (String command : Pactwire.commandLine().getSubcommands().keySet()) {
            if (!command.equals("help")) {
                assertThat(readme).as("README row for " + command).contains("| `./pactwire " + command);
            }
        }
    }

    @Test
    void topicsDocDescribesEveryTopicAndItsExamplesAreValid() throws IOException {
        String doc = read("docs/topics.md");
        for (TopicDescriptor<?, ?> topic : Topics.all()) {
            assertThat(doc).contains("## `" + topic.name() + "`");
        }
        RawArticle raw = Serdes.RAW_ARTICLE.fromJson(jsonBlock(doc, "raw-article"));
        assertThat(raw.contentHash()).isEqualTo(ContentHash.of(raw.title(), raw.body()));
        assertThat(Serdes.ENRICHED_ARTICLE.fromJson(jsonBlock(doc, "enriched-article")).countries()).isNotEmpty();
        AgreementRecord agreement = Serdes.AGREEMENT_RECORD.fromJson(jsonBlock(doc, "agreement-record"));
        assertThat(agreement.agreementId())
                .isEqualTo(AgreementIds.of(agreement.articleId(), agreement.type(), agreement.parties()));
    }

    @Test
    void composeRunsOnlyCommandsAndSettingsTheServicesKnow() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        List<String> pactwireServices = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = compose.get("services").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            JsonNode image = service.getValue().get("image");
            if (image == null || !image.asText().startsWith("pactwire")) {
                continue;
            }
            pactwireServices.add(service.getKey());
            String command = service.getValue().get("command").get(0).asText();
            assertThat(SERVICE_KEYS).as("service " + service.getKey() + " runs a known command").containsKey(command);
            JsonNode environment = service.getValue().get("environment");
            assertThat(environment).as("environment of " + service.getKey()).isNotNull();
            environment.fieldNames().forEachRemaining(name -> {
                String key = ConfigSources.keyForEnvVar(name);
                assertThat(key).as(name + " in " + service.getKey()).isNotNull();
                if (name.startsWith(ConfigSources.PACTWIRE_ENV_PREFIX)) {
                    assertThat(SERVICE_KEYS.get(command).names()).as(name + " in " + service.getKey()).contains(key);
                } else {
                    assertThat(PactwireConfig.kafkaClientKeys()).as(name + " in " + service.getKey()).contains(key);
                }
            });
        }
        assertThat(pactwireServices).contains("topics", "ingest", "enrich", "store", "serve");
        assertThat(new CommandLine(new Pactwire()).getSubcommands().keySet()).containsAll(SERVICE_KEYS.keySet());
    }

    /** Nothing without authentication reachable from other hosts by default; the broker's image by digest. */
    @Test
    void composePublishesPortsOnLoopbackOnlyAndPinsTheBrokerImage() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        List<String> published = new ArrayList<>();
        compose.get("services").properties().forEach(service -> {
            JsonNode ports = service.getValue().get("ports");
            if (ports != null) {
                ports.forEach(port -> published.add(service.getKey() + " " + port.asText()));
            }
        });
        assertThat(published).isNotEmpty().allSatisfy(port -> assertThat(port).contains(" 127.0.0.1:"));
        assertThat(compose.get("services").get("kafka").get("image").asText()).matches("apache/kafka:[0-9.]+@sha256:[0-9a-f]{64}");
        assertThat(compose.get("services").get("kafka-ui").get("environment").get("KAFKA_CLUSTERS_0_READONLY").asText())
                .isEqualTo("true");
    }

    /**
     * Compose waits for each long-running Pactwire service's clean stop (at most {@link Service#CLOSE_TIMEOUT}) before
     * it kills it: Docker's default of 10 s would cut a close under way, and the next start would read more.
     */
    @Test
    void composeGivesEachServiceTheTimeOfACleanStop() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile())
                .get("services");
        Map<String, String> graces = new java.util.TreeMap<>();
        services.properties().forEach(service -> {
            JsonNode body = service.getValue();
            if (body.path("image").asText().startsWith("pactwire") && !body.path("restart").asText().equals("no")) {
                graces.put(service.getKey(), body.path("stop_grace_period").asText());
            }
        });
        assertThat(graces).containsOnlyKeys("ingest", "enrich", "store", "serve");
        graces.forEach((service, grace) -> {
            assertThat(grace).as(service + "'s stop_grace_period").matches("[0-9]+s");
            assertThat(Duration.ofSeconds(Long.parseLong(grace.substring(0, grace.length() - 1))))
                    .as(service + "'s stop_grace_period").isGreaterThan(Service.CLOSE_TIMEOUT);
        });
    }

    /**
     * The Pactwire image is built once, by one service that every other Pactwire service starts after;
     * those never try to pull it from a registry.
     */
    @Test
    void composeBuildsThePactwireImageOnce() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile())
                .get("services");
        List<String> builders = new ArrayList<>();
        List<String> runners = new ArrayList<>();
        java.util.Set<String> images = new java.util.TreeSet<>();
        services.properties().forEach(service -> {
            JsonNode body = service.getValue();
            if (body.has("build")) {
                builders.add(service.getKey());
            }
            if (body.path("image").asText().startsWith("pactwire")) {
                images.add(body.get("image").asText());
                if (!body.has("build")) {
                    runners.add(service.getKey());
                }
            }
        });
        assertThat(builders).as("services that build an image").hasSize(1);
        assertThat(images).as("the Pactwire image").hasSize(1);
        String builder = builders.get(0);
        assertThat(runners).isNotEmpty().allSatisfy(name -> {
            assertThat(services.get(name).path("pull_policy").asText()).as(name + "'s pull_policy").isEqualTo("never");
            assertThat(services.get(name).path("depends_on").has(builder)).as(name + " starts after " + builder).isTrue();
        });
    }

    /** docs/api.md and the OpenAPI description the server serves name the same paths, each with its parameters. */
    @Test
    void apiDocDescribesEveryPathOfTheOpenApiDescription() throws IOException {
        JsonNode openApi = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve(
                "serve/src/main/resources/io/pactwire/serve/openapi.yaml").toFile());
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        String doc = read("docs/api.md");
        List<String> paths = new ArrayList<>();
        openApi.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/agreements", "/api/articles", "/api/articles/{id}", "/api/pairs", "/api/events");
        paths.forEach(path -> assertThat(doc).as("docs/api.md on " + path).contains("`GET " + path));
        for (String name : List.of("country", "type", "status", "since", "until", "limit", "offset")) {
            assertThat(doc).as("docs/api.md on " + name).contains("`" + name + "`");
        }
    }

    private static String jsonBlock(String doc, String label) {
        Matcher m = Pattern.compile("```json " + label + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("a ```json " + label + " block").isTrue();
        return m.group(1);
    }
}
