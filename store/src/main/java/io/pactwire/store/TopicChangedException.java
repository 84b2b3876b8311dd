package io.pactwire.store;

import io.pactwire.topics.PipelineTopics;
import org.apache.kafka.common.KafkaException;

/**
 * A topic the store works with was deleted, or deleted and created again, while it ran. The store stops with
 * this, its current transaction aborted: it never commits into another topic as if it were the old one. The
 * message says what changed and what the operator does about it.
 */
public final class TopicChangedException extends KafkaException {
    private static final long serialVersionUID = 1L;

    TopicChangedException(String change, PipelineTopics topics) {
        super(change + " while the store ran; the store stops and commits nothing more. " + whatToDo(change, topics));
    }

    /** The remedy, by the topic that changed (the sentences of {@code Incarnations#differences} name it). */
    static String whatToDo(String change, PipelineTopics topics) {
        if (change.contains("topic " + topics.articles().name() + " ")) {
            return "The articles it held are gone: stop every store instance, run `pactwire replay --rebuild-store`"
                    + " (it writes back every article " + topics.enriched().name() + " still holds), then start the stores.";
        }
        if (change.contains("topic " + topics.enriched().name() + " ")) {
            return "The store's offsets belong to the old " + topics.enriched().name() + " (" + topics.articles().name()
                    + " is intact): stop every store instance, move the group's offsets to the beginning of the new topic"
                    + " (kafka-consumer-groups.sh --group <store.group.id> --topic " + topics.enriched().name()
                    + " --reset-offsets --to-earliest --execute), then start the stores.";
        }
        return "Check what deleted it (the dead letters written before are gone with it), then start the store again.";
    }
}
