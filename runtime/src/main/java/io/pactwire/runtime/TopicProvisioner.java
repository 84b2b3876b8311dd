package io.pactwire.runtime;

import io.pactwire.topics.TopicDescriptor;
import io.pactwire.topics.TopicSettings;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Creates the topics that are missing, with their contract's configs, and verifies those that exist: an
 * existing topic whose {@code cleanup.policy} differs from its contract is an error naming the topic and
 * both policies (a compacted topic that deletes by time would lose articles; a deleting topic that
 * compacts would lose history). Safe to run concurrently from several services.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final TopicSettings settings;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, TopicSettings settings, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** What {@link #ensure} did: the topics it created and those it found in order. */
    public record Report(List<String> created, List<String> verified) {
        public Report {
            created = List.copyOf(created);
            verified = List.copyOf(verified);
        }
    }

    /**
     * Makes sure every topic exists as its contract says.
     *
     * @throws TopicConfigMismatchException when an existing topic has a different cleanup policy
     */
    public Report ensure(Collection<TopicDescriptor<?, ?>> topics) throws InterruptedException {
        Set<String> existing = call(admin.listTopics().names(), "list topics");
        List<TopicDescriptor<?, ?>> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
        List<String> created = new ArrayList<>();
        List<TopicDescriptor<?, ?>> toVerify = new ArrayList<>(topics.stream().filter(t -> existing.contains(t.name())).toList());

        if (!missing.isEmpty()) {
            Map<String, NewTopic> requests = new LinkedHashMap<>();
            missing.forEach(t -> requests.put(t.name(), t.newTopic(settings)));
            var results = admin.createTopics(requests.values()).values();
            for (TopicDescriptor<?, ?> topic : missing) {
                try {
                    results.get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                    log.info("Created topic {} with {}", topic.name(), topic.configs(settings));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        toVerify.add(topic); // another service created it meanwhile
                    } else {
                        throw new TopicProvisioningException("Cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new TopicProvisioningException("Timed out after " + timeout + " creating topic " + topic.name(), e);
                }
            }
        }
        awaitLeaders(created);
        List<String> verified = verify(toVerify);
        return new Report(created, verified);
    }

    /**
     * Whether each partition's leader already acts as its leader: the metadata can name a leader a moment before
     * that broker takes writes, and an idempotent producer that meets NOT_LEADER_OR_FOLLOWER then may never
     * recover. Asking the leaders which producers write to the partitions (read-only) answers only once they
     * do; a cluster that does not let this user ask is not asked again.
     */
    private boolean leadersServe(List<String> topics, List<org.apache.kafka.common.TopicPartition> partitions)
            throws InterruptedException {
        if (partitions.isEmpty()) {
            return false;
        }
        try {
            admin.describeProducers(partitions).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.NotLeaderOrFollowerException
                    || cause instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException
                    || cause instanceof org.apache.kafka.common.errors.LeaderNotAvailableException) {
                return false;
            }
            log.debug("Cannot ask the leaders of {} whether they serve ({}); going on", topics, cause.toString());
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * Waits until every partition of the topics just created has a leader that takes writes: a client that writes
     * at once could otherwise meet NOT_LEADER_OR_FOLLOWER while the leaders are elected.
     */
    private void awaitLeaders(List<String> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Collection<org.apache.kafka.clients.admin.TopicDescription> described;
            try {
                described = admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).values();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw new TopicProvisioningException("Cannot describe the topics created: " + e.getCause().getMessage(),
                            e.getCause());
                }
                described = List.of(); // the broker answering has not heard of them yet
            } catch (TimeoutException e) {
                throw new TopicProvisioningException("Timed out after " + timeout + " describing the topics created", e);
            }
            boolean led = !described.isEmpty() && described.stream().flatMap(d -> d.partitions().stream())
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            List<org.apache.kafka.common.TopicPartition> partitions = described.stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new org.apache.kafka.common.TopicPartition(d.name(), p.partition())))
                    .toList();
            if (led && leadersServe(topics, partitions)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TopicProvisioningException("Timed out after " + timeout + " waiting for the partitions of "
                        + String.join(", ", topics) + " to have leaders", null);
            }
            Thread.sleep(50);
        }
    }

    private List<String> verify(List<TopicDescriptor<?, ?>> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return List.of();
        }
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
                .toList();
        Map<ConfigResource, Config> configs = call(admin.describeConfigs(resources).all(), "describe topic configs");
        List<String> problems = new ArrayList<>();
        for (TopicDescriptor<?, ?> topic : topics) {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            ConfigEntry entry = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            String actual = entry == null ? null : entry.value();
            if (!topic.cleanupPolicy().matches(actual)) {
                problems.add("topic " + topic.name() + " has cleanup.policy=" + actual
                        + " but its contract requires cleanup.policy=" + topic.cleanupPolicy().configValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new TopicConfigMismatchException(problems);
        }
        return topics.stream().map(TopicDescriptor::name).collect(Collectors.toList());
    }

    private <T> T call(org.apache.kafka.common.KafkaFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicProvisioningException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("Timed out after " + timeout + " trying to " + what
                    + " (is the cluster reachable?)", e);
        }
    }
}
