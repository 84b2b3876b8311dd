package io.pactwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docker-compose.yml runs what it says: every Pactwire service of the compose file is started as a local
 * process with the command and the environment compose gives it, against a real broker (compose's Kafka
 * address replaced by the test cluster's, container paths by folders of the test). Seeds dropped into
 * the inbox must reach news.articles. A service that does not accept its command line or an environment
 * variable (an unknown PACTWIRE_* variable is an error) exits, and the test fails with its log.
 */
@KafkaTest
class ComposeIT {
    private static final Path COMPOSE = Path.of("../docker-compose.yml");
    private static final Path JAR = Path.of("target/pactwire.jar");
    private static final String KAFKA_ADDRESS = "kafka:19092";
    /** The port the services serve metrics and health on in their containers. */
    private static final String METRICS_PORT_VARIABLE = "PACTWIRE_METRICS_PORT";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** One service of the compose file, as compose would run it. */
    record Service(String name, List<String> command, Map<String, String> environment, Map<String, String> volumes,
                   String healthcheck) {
    }

    @Test
    void everyServiceRunsWithComposesCommandAndEnvironmentAndTheSeedsArrive(KafkaTestCluster cluster, @TempDir Path root)
            throws Exception {
        assertThat(JAR).as("the app jar, built by the package phase").exists();
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
        assertThat(compose.at("/services/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText())
                .as("the services' Kafka address is the broker's internal listener").contains("//" + KAFKA_ADDRESS);
        Map<String, Service> services = pactwireServices(compose);
        assertThat(services.keySet()).containsExactlyInAnyOrder("topics", "ingest", "enrich", "store", "serve");

        List<Process> running = new ArrayList<>();
        try {
            Process topics = start(services.get("topics"), "topics-1", cluster, root);
            assertThat(topics.waitFor(120, TimeUnit.SECONDS)).as("topics finishes").isTrue();
            assertThat(topics.exitValue()).as("topics exit code; log:\n" + log(root, "topics-1")).isZero();

            // two enrich replicas, as `--scale enrich=2` runs them, sharing the state volume
            for (String instance : List.of("enrich-1", "enrich-2")) {
                running.add(start(services.get("enrich"), instance, cluster, root));
            }
            running.add(start(services.get("store"), "store-1", cluster, root));
            running.add(start(services.get("serve"), "serve-1", cluster, root));
            running.add(start(services.get("ingest"), "ingest-1", cluster, root));

            Path inbox = root.resolve("bind/inbox");
            try (Stream<Path> seeds = Files.list(Path.of("../samples"))) {
                for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    Files.copy(seed, inbox.resolve(seed.getFileName()));
                }
            }
            List<ConsumerRecord<String, EnrichedArticle>> records;
            try {
                records = new RecordReader<>(cluster, Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(),
                        Topics.ARTICLES.valueSerde().deserializer())
                        .readUntil(r -> allAlive(running) && RecordReader.latestByKey(r).size() >= 3, Duration.ofSeconds(180));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + logs(root), e);
            }
            assertThat(RecordReader.latestByKey(records).values())
                    .extracting(a -> a.sourceUri().substring(a.sourceUri().lastIndexOf('/') + 1))
                    .containsExactlyInAnyOrder("000_6f954eecf47ae51d.txt", "001_4eb1cc99752fa4f0.txt", "002_4525720b54dbe636.txt");

            // the live view serves the seeds on its published port
            String articles = "http://127.0.0.1:" + SERVE_PORTS.get("serve-1") + "/api/articles";
            await("the seeds in serve's " + articles).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> new ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient().send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(articles)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("total").asInt() == 3);

            // each service's healthcheck, run as compose runs it (with bash), passes: its /health/ready answers 200
            for (String instance : List.of("enrich-1", "enrich-2", "store-1", "serve-1", "ingest-1")) {
                Service service = services.get(instance.substring(0, instance.indexOf('-')));
                List<String> healthcheck = healthcheckCommand(service, METRICS_PORTS.get(instance));
                await("healthcheck of " + instance).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> new ProcessBuilder(healthcheck).redirectErrorStream(true).start().waitFor() == 0);
            }
            // one folder for the cluster, in it one locked instance folder per running replica
            Path state = root.resolve("volumes/enrich-state");
            String clusterId;
            try (Admin admin = cluster.admin()) {
                clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
            }
            try (Stream<Path> dirs = Files.list(state.resolve(clusterId))) {
                assertThat(dirs.map(p -> p.getFileName().toString()))
                        .as("each enrich replica keeps its state apart").containsExactlyInAnyOrder("instance-0", "instance-1");
            }
            for (Process process : running) {
                assertThat(process.isAlive()).as("still running; logs:\n" + logs(root)).isTrue();
            }
        } finally {
            for (Process process : running) {
                process.destroy();
            }
            for (Process process : running) {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /** True while every service runs; a service that exited is a failure, reported at once. */
    private static boolean allAlive(List<Process> running) {
        for (Process process : running) {
            if (!process.isAlive()) {
                throw new AssertionError("a service exited with code " + process.exitValue());
            }
        }
        return true;
    }

    /** The services that run the Pactwire image, with their compose variables resolved. */
    static Map<String, Service> pactwireServices(JsonNode compose) {
        Map<String, Service> services = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = compose.get("services").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode service = entry.getValue();
            if (!service.path("image").asText().startsWith("pactwire")) {
                continue;
            }
            List<String> command = new ArrayList<>();
            service.get("command").forEach(arg -> command.add(interpolate(arg.asText())));
            Map<String, String> environment = new LinkedHashMap<>();
            service.path("environment").properties().forEach(e -> environment.put(e.getKey(), interpolate(e.getValue().asText())));
            Map<String, String> volumes = new LinkedHashMap<>();
            service.path("volumes").forEach(v -> {
                String[] parts = v.asText().split(":");
                volumes.put(parts[0], parts[1]);
            });
            String healthcheck = service.path("healthcheck").path("test").toString();
            services.put(entry.getKey(), new Service(entry.getKey(), command, environment, volumes, healthcheck));
        }
        return services;
    }

    /** Compose's variable substitution for the cases the file uses: ${NAME} and ${NAME:-default}, unset here. */
    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Starts one container of {@code service} as a process: its command after `java -jar pactwire.jar`,
     * its environment and nothing else (plus PATH, HOME and the container's HOSTNAME), with the Kafka
     * address and the container's paths (mounts, /tmp) mapped to the test's.
     */
    private static Process start(Service service, String instance, KafkaTestCluster cluster, Path root) throws IOException {
        Map<String, String> paths = new LinkedHashMap<>();
        service.volumes().forEach((source, target) -> {
            Path host = source.startsWith(".") || source.startsWith("/")
                    ? root.resolve("bind").resolve(Path.of(source).getFileName())
                    : root.resolve("volumes").resolve(source);
            paths.put(target, host.toString());
        });
        paths.put("/tmp", root.resolve("tmp").resolve(instance).toString());
        for (String dir : paths.values()) {
            Files.createDirectories(Path.of(dir));
        }
        assertThat(service.healthcheck().isEmpty() || service.environment().containsKey(METRICS_PORT_VARIABLE))
                .as(service.name() + ": a healthcheck needs the metrics port").isTrue();
        if (service.environment().containsKey(METRICS_PORT_VARIABLE)) {
            assertThat(service.healthcheck()).as(service.name() + ": the healthcheck asks /health/ready on the metrics port")
                    .contains("/dev/tcp/127.0.0.1/" + service.environment().get(METRICS_PORT_VARIABLE) + " ")
                    .contains("GET /health/ready ");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
        service.command().forEach(arg -> command.add(map(arg, paths, cluster)));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", root.toString());
        env.put("HOSTNAME", instance);
        service.environment().forEach((name, value) -> env.put(name, map(value, paths, cluster)));
        if (env.containsKey(SERVE_PORT_VARIABLE)) {
            // published on the host as the same port in compose; here a free one, as for the metrics
            int port = freePort();
            SERVE_PORTS.put(instance, port);
            env.put(SERVE_PORT_VARIABLE, String.valueOf(port));
        }
        if (env.containsKey(METRICS_PORT_VARIABLE)) {
            // every container has its own port 9404; the processes share one host
            int port = freePort();
            METRICS_PORTS.put(instance, port);
            env.put(METRICS_PORT_VARIABLE, String.valueOf(port));
        }
        Path log = root.resolve("logs").resolve(instance + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    private static final Map<String, Integer> METRICS_PORTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Integer> SERVE_PORTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String SERVE_PORT_VARIABLE = "PACTWIRE_SERVE_PORT";

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The healthcheck's CMD as compose runs it: its $$ unescaped, on the instance's metrics port. */
    private static List<String> healthcheckCommand(Service service, int port) throws IOException {
        JsonNode test = new ObjectMapper().readTree(service.healthcheck());
        assertThat(test.get(0).asText()).as(service.name() + ": healthcheck form").isEqualTo("CMD");
        List<String> command = new ArrayList<>();
        for (int i = 1; i < test.size(); i++) {
            command.add(test.get(i).asText().replace("$$", "$")
                    .replace("/dev/tcp/127.0.0.1/" + service.environment().get(METRICS_PORT_VARIABLE) + " ",
                            "/dev/tcp/127.0.0.1/" + port + " "));
        }
        return command;
    }

    private static String map(String value, Map<String, String> paths, KafkaTestCluster cluster) {
        String mapped = value.replace(KAFKA_ADDRESS, cluster.bootstrapServers());
        for (Map.Entry<String, String> path : paths.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()).toList()) {
            if (mapped.equals(path.getKey()) || mapped.startsWith(path.getKey() + "/")) {
                return path.getValue() + mapped.substring(path.getKey().length());
            }
        }
        return mapped;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String log(Path root, String instance) throws IOException {
        Path file = root.resolve("logs").resolve(instance + ".log");
        if (!Files.exists(file)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String logs(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String instance : List.of("enrich-1", "enrich-2", "store-1", "serve-1", "ingest-1")) {
            all.append("--- ").append(instance).append('\n').append(log(root, instance)).append('\n');
        }
        return all.toString();
    }
}
