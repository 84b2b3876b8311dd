package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.ConfigSources;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestService;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.RecordReader;
import io.pactwire.testkit.SecureEmbeddedKafkaCluster;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The pipeline against a broker that takes clients only over SASL_SSL with SCRAM-SHA-512: the services
 * get their credentials the documented ways (a client properties file, {@code KAFKA_*} variables), a
 * wrong password stops each of them at once with the reason, and no password is ever written to a log.
 */
class SecureClusterIT {
    private static final String USER = "pactwire";
    /** Distinctive, so that finding it in a log line cannot be a coincidence. */
    private static final String PASSWORD = "Pw-" + java.util.UUID.randomUUID();
    private static final String WRONG_PASSWORD = "Wrong-" + java.util.UUID.randomUUID();
    /** A wrong password must stop a service well before any retry loop would give up by itself. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(30);

    private static SecureEmbeddedKafkaCluster cluster;
    private static LogCapture logs;

    @BeforeAll
    static void startSecuredCluster() throws Exception {
        logs = new LogCapture();
        cluster = SecureEmbeddedKafkaCluster.builder().start();
        cluster.createUser(USER, PASSWORD);
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (logs != null) {
                logs.close();
            }
        }
    }

    @Test
    void theSeedsReachNewsArticlesWithCredentialsFromAConfigFileAndFromEnvironmentVariables(@TempDir Path dir)
            throws Exception {
        Path clientProperties = writeClientProperties(dir.resolve("client.properties"), PASSWORD);
        // The enricher takes its settings from KAFKA_* variables, the store and ingest from the file.
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(ConfigSources.kafkaEnvVarFor("bootstrap.servers"), cluster.bootstrapServers());
        cluster.securitySettings(USER, PASSWORD).forEach((key, value) -> environment.put(ConfigSources.kafkaEnvVarFor(key), value));
        environment.put(ConfigSources.envVarFor(EnrichConfig.STATE_DIR), dir.resolve("state").toString());
        EnrichConfig enrichConfig = new EnrichConfig(ConfigInput.load(Optional.empty(), environment, Map.of()));
        StoreConfig storeConfig = new StoreConfig(ConfigInput.load(Optional.of(clientProperties), Map.of(),
                Map.of(StoreConfig.TRANSACTIONAL_ID, "pactwire-store-secure")));

        try (EnricherApp enricher = new EnricherApp(enrichConfig, Tagger.standard());
             ArticleStore store = new ArticleStore(storeConfig)) {
            enricher.start();
            store.start();

            int exit = Pactwire.commandLine().execute("ingest", "--config", clientProperties.toString(), "../samples");
            assertThat(exit).isZero();

            List<ConsumerRecord<String, EnrichedArticle>> records = new RecordReader<>(cluster, Topics.ARTICLES.name(),
                    Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer())
                    .readUntil(r -> RecordReader.latestByKey(r).size() == 3, Duration.ofSeconds(60));
            assertThat(RecordReader.latestByKey(records)).hasSize(3);
            assertThat(enricher.awaitRunning(Duration.ofSeconds(30))).as("the enricher is running").isTrue();
        }
    }

    @Test
    void eachServiceStopsAtOnceOnAWrongPasswordNamingTheCause(@TempDir Path dir) throws Exception {
        Path clientProperties = writeClientProperties(dir.resolve("client.properties"), WRONG_PASSWORD);
        ConfigInput input = ConfigInput.load(Optional.of(clientProperties), Map.of(), Map.of(
                EnrichConfig.STATE_DIR, dir.resolve("state").toString(),
                StoreConfig.TRANSACTIONAL_ID, "pactwire-store-wrong"));

        // ingest, as the command line runs it: exit code 1 and the reason on stderr
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = assertTimeoutPreemptively(FAIL_FAST, () -> {
            picocli.CommandLine commandLine = Pactwire.commandLine();
            commandLine.setErr(new java.io.PrintWriter(err, true));
            return commandLine.execute("ingest", "--config", clientProperties.toString(), "../samples");
        });
        assertThat(exit).isEqualTo(1);
        assertNamesTheCause(err.toString());

        // ingest as a library
        assertNamesTheCause(assertTimeoutPreemptively(FAIL_FAST, () -> catchFailure(() ->
                new IngestService(new IngestConfig(input), Clock.systemUTC()).ingest(List.of(Path.of("../samples"))))));

        // the enricher
        assertNamesTheCause(assertTimeoutPreemptively(FAIL_FAST, () -> catchFailure(() -> {
            try (EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard())) {
                enricher.start();
                enricher.awaitStopped();
            }
        })));

        // the store
        assertNamesTheCause(assertTimeoutPreemptively(FAIL_FAST, () -> catchFailure(() -> {
            try (ArticleStore store = new ArticleStore(new StoreConfig(input))) {
                store.start();
                Optional<Failure> stoppedBy = store.awaitStopped();
                if (stoppedBy.isPresent()) {
                    throw stoppedBy.get().asException();
                }
            }
        })));
    }

    /** After each test: what it logged or printed holds no password, and Kafka's config dumps were among it. */
    @AfterEach
    void noPasswordAppearsInAnyLogLineOrConsoleOutput() {
        assertThat(logs.lines()).as("log lines and console output").isNotEmpty()
                .noneMatch(line -> line.contains(PASSWORD))
                .noneMatch(line -> line.contains(WRONG_PASSWORD));
        // Kafka's own config dumps were captured, and masked the password
        assertThat(logs.lines()).anyMatch(line -> line.contains("sasl.jaas.config = [hidden]"));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String catchFailure(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t).append('\n');
            }
            return messages.toString();
        }
        throw new AssertionError("the service did not fail");
    }

    private static void assertNamesTheCause(String message) {
        assertThat(message).contains("uthentication failed").contains("SCRAM-SHA-512")
                .contains(cluster.bootstrapServers()).contains("user " + USER);
    }

    private static Path writeClientProperties(Path file, String password) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", cluster.bootstrapServers());
        cluster.securitySettings(USER, password).forEach(properties::setProperty);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Pactwire client settings for a SASL_SSL/SCRAM cluster");
        }
        return file;
    }
}
