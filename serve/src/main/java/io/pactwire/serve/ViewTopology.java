package io.pactwire.serve;

import io.pactwire.topics.PipelineTopics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.function.Consumer;

/**
 * The view as a Kafka Streams topology: three global stores, each the current records of one compacted
 * topic (key: the topic's key as text; value: the record's bytes as the topic holds them, decoded when read,
 * so that one unreadable record costs one row and never a query):
 * <ul>
 *   <li>{@link #ARTICLES} from {@code news.articles}: the latest result per article;</li>
 *   <li>{@link #AGREEMENTS} from {@code news.agreements}: one record per agreement;</li>
 *   <li>{@link #TEXTS} from {@code news.raw}: each article's text, for the evidence in context.</li>
 * </ul>
 * A tombstone deletes the key. Every instance holds the whole view (global stores), so any instance behind a
 * load balancer answers any request; the stores are persistent and checkpointed, so a restart reads only the
 * records written since. Each record taken in is also handed to {@code changes}, for the live page.
 */
public final class ViewTopology {
    public static final String ARTICLES = "serve-articles";
    public static final String AGREEMENTS = "serve-agreements";
    public static final String TEXTS = "serve-texts";

    private ViewTopology() {
    }

    /** The topology over {@code topics} (the pipeline's, under its prefix); it does no I/O. */
    public static Topology build(PipelineTopics topics, Consumer<Change> changes) {
        StreamsBuilder builder = new StreamsBuilder();
        add(builder, ARTICLES, topics.articles().name(), "article", changes);
        add(builder, AGREEMENTS, topics.agreements().name(), "agreement", changes);
        add(builder, TEXTS, topics.raw().name(), "text", changes);
        return builder.build();
    }

    private static void add(StreamsBuilder builder, String store, String topic, String kind, Consumer<Change> changes) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                topic,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(store + "-source"),
                () -> new Materialise(store, kind, changes));
    }

    /** Puts each record into its store, deletes on a tombstone, and tells {@code changes}. */
    private static final class Materialise implements Processor<String, byte[], Void, Void> {
        private final String storeName;
        private final String kind;
        private final Consumer<Change> changes;
        private KeyValueStore<String, byte[]> store;

        Materialise(String storeName, String kind, Consumer<Change> changes) {
            this.storeName = storeName;
            this.kind = kind;
            this.changes = changes;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return; // the topics are keyed by id; a record without one names nothing to show
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            changes.accept(new Change(kind, record.key(), record.value() == null));
        }
    }
}
