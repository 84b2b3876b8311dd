package io.pactwire.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which cluster, and which incarnation of each topic, a service or a piece of local state works with:
 * Kafka's cluster id and topic ids. A topic deleted and created again under the same name gets a new id,
 * and a cluster whose data was wiped gets a new cluster id, so comparing two readings tells whether what a
 * service remembers still describes what the cluster holds. A topic that does not exist has no id here.
 *
 * @param clusterId the cluster's id
 * @param topicIds  the id of each topic that exists, by name
 */
public record Incarnations(String clusterId, Map<String, Uuid> topicIds) {
    private static final String CLUSTER_KEY = "cluster.id";
    private static final String TOPIC_PREFIX = "topic.";

    public Incarnations {
        Objects.requireNonNull(clusterId, "clusterId");
        topicIds = Map.copyOf(new TreeMap<>(topicIds));
    }

    /** Reads the cluster id and the ids of {@code topics} (those that exist) through {@code admin}. */
    public static Incarnations read(Admin admin, Collection<String> topics, Duration timeout) throws InterruptedException {
        String clusterId = get(admin.describeCluster().clusterId(), timeout, "describe the cluster");
        Map<String, Uuid> ids = new TreeMap<>();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(new TreeSet<>(topics)).topicNameValues();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
            try {
                ids.put(topic.getKey(), topic.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS).topicId());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new KafkaException("Cannot describe topic " + topic.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new KafkaException("Timed out after " + timeout + " describing topic " + topic.getKey(), e);
            }
        }
        return new Incarnations(clusterId, ids);
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout, String what) throws InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out after " + timeout + " trying to " + what, e);
        }
    }

    /** The same reading restricted to {@code topics}. */
    public Incarnations only(Collection<String> topics) {
        Map<String, Uuid> kept = new TreeMap<>(topicIds);
        kept.keySet().retainAll(topics);
        return new Incarnations(clusterId, kept);
    }

    /**
     * How {@code now} differs from this reading, one sentence per difference, for people: another cluster,
     * a topic deleted, created again, or created since. Empty when both describe the same cluster and topics.
     */
    public List<String> differences(Incarnations now) {
        List<String> differences = new ArrayList<>();
        if (!clusterId.equals(now.clusterId)) {
            differences.add("it is another cluster (cluster id " + now.clusterId + ", was " + clusterId + ")");
            return differences;
        }
        TreeSet<String> names = new TreeSet<>(topicIds.keySet());
        names.addAll(now.topicIds.keySet());
        for (String topic : names) {
            Uuid before = topicIds.get(topic);
            Uuid after = now.topicIds.get(topic);
            if (before != null && after == null) {
                differences.add("topic " + topic + " was deleted (its id was " + before + ")");
            } else if (before == null && after != null) {
                differences.add("topic " + topic + " did not exist then and has id " + after + " now");
            } else if (before != null && !before.equals(after)) {
                differences.add("topic " + topic + " was deleted and created again (id " + after + ", was " + before + ")");
            }
        }
        return differences;
    }

    /** As properties, for a file beside local state ({@link #fromProperties}). */
    public Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty(CLUSTER_KEY, clusterId);
        topicIds.forEach((topic, id) -> properties.setProperty(TOPIC_PREFIX + topic, id.toString()));
        return properties;
    }

    /**
     * Reads what {@link #toProperties} wrote.
     *
     * @throws IllegalArgumentException when the cluster id is missing or a topic id is malformed
     */
    public static Incarnations fromProperties(Properties properties) {
        String clusterId = properties.getProperty(CLUSTER_KEY);
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalArgumentException("no " + CLUSTER_KEY);
        }
        Map<String, Uuid> ids = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(TOPIC_PREFIX)) {
                ids.put(key.substring(TOPIC_PREFIX.length()), Uuid.fromString(properties.getProperty(key).strip()));
            }
        }
        return new Incarnations(clusterId.strip(), ids);
    }
}
