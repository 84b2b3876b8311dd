package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.RecordReader;
import io.pactwire.testkit.SecureEmbeddedKafkaCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The pipeline on a cluster with ACLs, each service logged in as its own user holding only the ACLs of
 * {@link ServiceAcls}: the seeds arrive, and what a user was not granted is refused with a clear error.
 */
class AclIT {
    private static final Map<String, String> PASSWORDS = Map.of(
            ServiceAcls.INGEST, UUID.randomUUID().toString(),
            ServiceAcls.ENRICH, UUID.randomUUID().toString(),
            ServiceAcls.STORE, UUID.randomUUID().toString());

    private static SecureEmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startClusterWithAclsAndGrantEachServiceItsOwn() throws Exception {
        cluster = SecureEmbeddedKafkaCluster.builder().withAcls().start();
        for (Map.Entry<String, String> user : PASSWORDS.entrySet()) {
            cluster.createUser(user.getKey(), user.getValue());
        }
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
            admin.createAcls(ServiceAcls.bindings()).all().get(30, TimeUnit.SECONDS);
            // The broker's authorizer applies ACLs from the metadata log; it answers describeAcls itself.
            Awaitility.await("the broker knows every ACL").atMost(Duration.ofSeconds(30)).until(() ->
                    new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
                            .containsAll(ServiceAcls.bindings()));
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void eachServiceAsItsOwnUserWithOnlyItsAclsGetsTheSeedsToNewsArticles(@TempDir Path dir) throws Exception {
        Path ingest = clientProperties(dir, ServiceAcls.INGEST);
        EnrichConfig enrichConfig = new EnrichConfig(ConfigInput.load(Optional.of(clientProperties(dir, ServiceAcls.ENRICH)),
                Map.of(), Map.of(EnrichConfig.STATE_DIR, dir.resolve("state").toString())));
        StoreConfig storeConfig = new StoreConfig(ConfigInput.load(Optional.of(clientProperties(dir, ServiceAcls.STORE)),
                Map.of(), Map.of(StoreConfig.TRANSACTIONAL_ID, "pactwire-store-acl")));

        try (EnricherApp enricher = new EnricherApp(enrichConfig, Tagger.standard());
             ArticleStore store = new ArticleStore(storeConfig)) {
            enricher.start();
            store.start();

            assertThat(Pactwire.commandLine().execute("ingest", "--config", ingest.toString(), "../samples")).isZero();

            var records = new RecordReader<>(cluster, Topics.ARTICLES.name(),
                    Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer())
                    .readUntil(r -> RecordReader.<String, EnrichedArticle>latestByKey(r).size() == 3, Duration.ofSeconds(60));
            assertThat(RecordReader.latestByKey(records)).hasSize(3);
            assertThat(enricher.awaitRunning(Duration.ofSeconds(30))).as("the enricher is running").isTrue();
            assertThat(store.health().isAlive()).isTrue();
        }
        // a restarted enricher finds its internal topics and transactional ids as they were left, with the same ACLs
        try (EnricherApp restarted = new EnricherApp(enrichConfig, Tagger.standard())) {
            restarted.start();
            assertThat(restarted.awaitRunning(Duration.ofSeconds(30))).as("the restarted enricher is running").isTrue();
        }

        // ingest may write news.raw but not read what the store wrote
        StringWriter err = new StringWriter();
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            picocli.CommandLine commandLine = Pactwire.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            return commandLine.execute("articles", "--config", ingest.toString());
        });
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Not authorized to access topics: [news.articles]");
    }

    @Test
    void theOperationsGuideListsExactlyTheseAcls() throws IOException {
        String guide = Files.readString(Path.of("../docs/operations.md"));
        ServiceAcls.ALL.forEach(grant -> assertThat(guide).contains(ServiceAcls.kafkaAclsCommand(grant)));
    }

    private static Path clientProperties(Path dir, String user) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", cluster.bootstrapServers());
        cluster.securitySettings(user, PASSWORDS.get(user)).forEach(properties::setProperty);
        Path file = dir.resolve(user + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return file;
    }
}
