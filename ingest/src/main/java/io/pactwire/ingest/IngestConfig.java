package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.util.LinkedHashMap;
import java.util.Map;

/** Settings of the ingest service. Any other key is a Kafka producer setting and passes through. */
public final class IngestConfig extends PactwireConfig {
    public static final String MAX_ARTICLE_BYTES = "ingest.max.article.bytes";
    public static final String CLIENT_ID = "ingest.client.id";

    public IngestConfig(ConfigInput input) {
        super("ingest", definition(), kafkaClientKeys(), input);
    }

    public static ConfigDef definition() {
        return commonDefinition()
                .define(MAX_ARTICLE_BYTES, ConfigDef.Type.LONG, 1024L * 1024, ConfigDef.Range.between(1024, 64L * 1024 * 1024),
                        ConfigDef.Importance.MEDIUM,
                        "Largest article text accepted, in bytes; a larger file or JSON line is rejected with its reason.")
                .define(CLIENT_ID, ConfigDef.Type.STRING, "pactwire-ingest", ConfigDef.Importance.LOW,
                        "client.id of the ingest producer, as brokers and metrics see it.");
    }

    public long maxArticleBytes() {
        return getLong(MAX_ARTICLE_BYTES);
    }

    /**
     * Producer settings. Idempotence and {@code acks=all} are the guarantee (no duplicate and no loss on
     * retry) and cannot be turned off; batching and compression are tuned for 3-10 KB text records and may
     * be overridden.
     */
    public Map<String, Object> producerProperties() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(ProducerConfig.CLIENT_ID_CONFIG, getString(CLIENT_ID));
        // Text compresses 3-4x with lz4 at little CPU cost; a 256 KB batch holds dozens of articles,
        // and 20 ms of linger fills it during bulk loads while staying invisible to a human.
        defaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        defaults.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        Map<String, Object> props = clientProperties(ProducerConfig.configNames(), defaults);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }
}
