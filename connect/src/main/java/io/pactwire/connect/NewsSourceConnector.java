package io.pactwire.connect;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect source of news articles: reads feeds, web pages, files and folders with ingest's own reading,
 * extraction, identity and revision logic, and writes the records {@code pactwire ingest} writes to
 * {@code news.raw} ({@link NewsSourceTask}). The inputs ({@code inputs}, and the URLs of {@code urls.file}) are
 * spread over up to {@code tasks.max} tasks ({@link #spread}); each task reads its own every
 * {@code poll.interval.ms}. What was written is in the source offsets, one per article ({@link ArticleOffsets}),
 * so a restarted or rebalanced task neither writes an article again nor misses one; with the worker's
 * {@code exactly.once.source.support=enabled} the records and their offsets are committed in one transaction.
 */
public final class NewsSourceConnector extends SourceConnector {
    static final String VERSION = "0.1.0";

    private Map<String, String> props;
    private List<String> inputs;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.inputs = new NewsSourceConfig(props).allInputs();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return NewsSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<List<String>> shares = spread(inputs, maxTasks);
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(NewsSourceConfig.TASK_INPUTS, String.join("\n", shares.get(i)));
            config.put(NewsSourceConfig.TASK_ID, Integer.toString(i));
            configs.add(config);
        }
        return configs;
    }

    /**
     * The inputs dealt round-robin to at most {@code maxTasks} tasks, none empty: input i goes to task
     * i mod n, so that the feeds of one list (often of one site) are spread rather than heaped on one task.
     * An input given twice is read once.
     */
    static List<List<String>> spread(List<String> inputs, int maxTasks) {
        List<String> distinct = inputs.stream().distinct().toList();
        int tasks = Math.min(maxTasks, distinct.size());
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < distinct.size(); i++) {
            shares.get(i % tasks).add(distinct.get(i));
        }
        return shares.stream().map(List::copyOf).toList();
    }

    @Override
    public void stop() {
        // nothing held: the tasks do the reading
    }

    @Override
    public ConfigDef config() {
        return NewsSourceConfig.DEFINITION;
    }

    /** Every problem at once: each setting's, and those of the inputs together ({@link NewsSourceConfig#validate}). */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return new Config(NewsSourceConfig.validate(connectorConfigs));
    }

    /** Records and offsets are written in one transaction per poll when the worker enables exactly-once sources. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Offsets altered or reset through the REST API must have the shapes {@link ArticleOffsets} reads: a reset
     * (null) makes the tasks write every article again at revision 1 (after retracting them, say).
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Map<String, ?> partition = entry.getKey();
            if (partition.get(ArticleOffsets.ARTICLE) instanceof String) {
                ArticleOffsets.known(entry.getValue()); // throws with the expected shape
            } else if (!(partition.get(ArticleOffsets.REJECTED) instanceof String)) {
                throw new IllegalArgumentException("a partition must be {\"" + ArticleOffsets.ARTICLE + "\": article id} or {\""
                        + ArticleOffsets.REJECTED + "\": input}, not " + partition);
            }
        }
        return true;
    }
}
