package io.pactwire.store;

import io.pactwire.runtime.Incarnations;
import io.pactwire.topics.TopicDescriptor;
import io.pactwire.runtime.TopicWatch;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.InterruptException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Tells the store whether the topics it works with (news.enriched, news.articles, news.dlq) are still the
 * incarnations it started with. A topic deleted under it, or deleted and created again, is another topic: the
 * articles it stored, or the offsets it committed, are not in it, and writing on as if they were would lose
 * them without a word.
 */
interface TopicGuard extends AutoCloseable {

    /** What changed, read from the cluster now: for the check right before a commit. */
    Optional<String> check();

    /** What changed, as last read: cheap, for every turn of the loop. */
    Optional<String> changed();

    @Override
    void close();

    /** A guard that never looks: for tests of the loop alone, with mock clients. */
    static TopicGuard trusting() {
        return Trusting.INSTANCE;
    }

    /**
     * Reads the incarnations of the store's topics now and watches them from a thread of its own, which calls
     * {@code onChange} once when one changes.
     */
    static TopicGuard watching(StoreConfig config, Runnable onChange) {
        List<String> topics = config.topics().usedBy(Topics.Service.STORE).stream().map(TopicDescriptor::name).toList();
        Incarnations expected;
        try (Admin admin = Admin.create(config.adminProperties())) {
            expected = Incarnations.read(admin, topics, Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
        return new Watching(TopicWatch.start("store", config.adminProperties(), expected, TopicWatch.DEFAULT_PERIOD,
                change -> onChange.run()));
    }

    enum Trusting implements TopicGuard {
        INSTANCE;

        @Override
        public Optional<String> check() {
            return Optional.empty();
        }

        @Override
        public Optional<String> changed() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }

    record Watching(TopicWatch watch) implements TopicGuard {
        @Override
        public Optional<String> check() {
            return watch.check();
        }

        @Override
        public Optional<String> changed() {
            return watch.changed();
        }

        @Override
        public void close() {
            watch.close();
        }
    }
}
