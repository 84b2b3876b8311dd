package io.pactwire.cli;

import io.pactwire.config.PactwireConfig;
import io.pactwire.topics.PipelineTopics;
import io.pactwire.topics.TopicDescriptor;
import io.pactwire.runtime.FailurePolicy;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Creates missing topics and verifies existing ones before a command runs. A service provisions only the
 * topics it works with ({@link Topics#usedBy}): one that another service owns and that is missing is created
 * too, so that the services can start in any order, but with a warning naming its owner, since a topic
 * missing under a running owner usually means it was deleted. A topic a service does not use is never
 * touched, so a start never recreates, say, a deleted news.articles in front of the store.
 */
final class TopicSetup {
    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /** Every topic: for {@code topics} and {@code demo}, which provision the whole pipeline. */
    static TopicProvisioner.Report ensureAll(PactwireConfig config) throws InterruptedException {
        return ensure(config, config.topics().all());
    }

    /** The topics {@code service} writes or reads. */
    static TopicProvisioner.Report ensure(PactwireConfig config, Topics.Service service) throws InterruptedException {
        PipelineTopics topics = config.topics();
        TopicProvisioner.Report report = ensure(config, topics.usedBy(service));
        topics.usedBy(service).stream()
                .filter(topic -> report.created().contains(topic.name()) && !topics.writtenBy(service).contains(topic))
                .forEach(topic -> log.warn("Topic {} was missing and the {} created it because it reads it, but {} writes"
                                + " it; if {} ran before, the topic was deleted and what it held is gone", topic.name(),
                        service, owners(topics, topic), owners(topics, topic)));
        return report;
    }

    /** The given topics, with no word about their owners: for a command that acts for the owner. */
    static TopicProvisioner.Report ensure(PactwireConfig config, Collection<TopicDescriptor<?, ?>> topics)
            throws InterruptedException {
        try (Admin admin = Admin.create(config.adminProperties())) {
            requireAnswer(admin, config);
            return new TopicProvisioner(admin, config.topicSettings(), Duration.ofSeconds(60)).ensure(topics.stream().<TopicDescriptor<?, ?>>map(config.topics()::of).toList());
        } catch (RuntimeException e) {
            throw FailurePolicy.classify(e, config).asException();
        }
    }

    /**
     * Waits at most {@code startup.timeout.ms} for a broker to answer, so that a command pointed at no cluster
     * stops with one line naming the servers, not after a minute of the client's retries.
     */
    static void requireAnswer(Admin admin, PactwireConfig config) throws InterruptedException {
        Duration timeout = config.startupTimeout();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())))
                    .clusterId().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof TimeoutException) {
                throw new KafkaException("no Kafka broker answered at " + config.bootstrapServers() + " within "
                        + timeout.toMillis() + " ms (" + PactwireConfig.STARTUP_TIMEOUT_MS + "): is the cluster running,"
                        + " and are the bootstrap servers and security.protocol right?");
            }
            throw cause instanceof RuntimeException runtime ? runtime : new KafkaException(cause);
        }
    }

    private static String owners(PipelineTopics topics, TopicDescriptor<?, ?> topic) {
        return topics.writersOf(topic).stream().map(Topics.Service::toString).collect(Collectors.joining(" and "));
    }
}
