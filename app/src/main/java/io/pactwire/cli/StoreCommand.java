package io.pactwire.cli;

import io.pactwire.runtime.FailurePolicy;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

@Command(name = "store", description = {
        "Run the store (news.enriched -> compacted news.articles, transactional) until stopped.",
        "SIGTERM or Ctrl-C finishes the current transaction and closes it cleanly (the process then exits 143 or",
        "130, as any process stopped by that signal); exit code 1 if it stopped on an error, such as one of its",
        "topics deleted or created again while it ran (one ERROR names the topic and what to do)."})
final class StoreCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        StoreConfig config = new StoreConfig(kafka.input());
        // serving first: a taken port is found before connecting, and /health/live answers while the store starts
        try (MetricsServer metrics = MetricsServer.start(config)) {
            refuseToStartOverLostArticles(config);
            TopicSetup.ensure(config, Topics.Service.STORE);
            return ServiceRunner.run("store", new ArticleStore(config), config, metrics, config.startupTimeout(),
                    store -> ServiceMeters.store(metrics, store));
        }
    }

    /**
     * A store whose news.articles is gone must not create it empty and go on from its committed offsets on
     * news.enriched: the articles it stored before would be lost without a word, as they would be if it were
     * restarted (by compose, by Kubernetes) after stopping on the topic's deletion.
     */
    private static void refuseToStartOverLostArticles(StoreConfig config) throws InterruptedException {
        String group = config.groupId();
        try (Admin admin = Admin.create(config.adminProperties())) {
            if (admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(config.topics().articles().name())) {
                return;
            }
            boolean folded = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).keySet().stream()
                    .anyMatch(partition -> partition.topic().equals(config.topics().enriched().name()));
            if (folded) {
                throw new KafkaException(config.topics().articles().name() + " does not exist, but the store (group " + group
                        + ") has committed offsets on " + config.topics().enriched().name() + ": the articles it stored are gone."
                        + " Run `pactwire replay --rebuild-store` (it creates " + config.topics().articles().name() + " and has the"
                        + " store write back every article " + config.topics().enriched().name() + " holds), then start the store.");
            }
        } catch (ExecutionException e) {
            throw FailurePolicy.classify(new KafkaException("Cannot check " + config.topics().articles().name() + " and the"
                    + " offsets of group " + group + ": " + e.getCause().getMessage(), e.getCause()), config).asException();
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out after " + TIMEOUT + " checking " + config.topics().articles().name()
                    + " and the offsets of group " + group, e);
        }
    }
}
