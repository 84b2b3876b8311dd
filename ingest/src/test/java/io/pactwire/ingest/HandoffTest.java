package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-off between a run's reading and publishing threads, with real threads and no broker. */
class HandoffTest {
    private static final Input A = new Input.Rejected("file:///a.txt", "no article text");
    private static final Input B = new Input.Skipped("file:///b.png", "unsupported file type .png");

    @Test
    void inputsArePublishedInTheOrderReadUntilTheEnd() throws Exception {
        Handoff handoff = new Handoff();
        List<Input> published = new CopyOnWriteArrayList<>();
        Thread publishing = new Thread(() -> handoff.drain(() -> published::add));
        publishing.start();

        handoff.put(A);
        handoff.put(B);
        handoff.end();
        publishing.join();

        assertThat(published).containsExactly(A, B);
        handoff.rethrowFailure();
    }

    @Test
    void whenPublishingCannotStartReadingStopsWithItsCause() throws Exception {
        Handoff handoff = new Handoff();
        Thread publishing = new Thread(() -> handoff.drain(() -> {
            throw new IllegalStateException("Could not read news.raw within 1500 ms");
        }));
        publishing.start();
        publishing.join();

        assertThatThrownBy(() -> handoff.put(A)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Could not read news.raw within 1500 ms");
    }

    @Test
    void aFailureWhilePublishingReachesTheReaderAndNothingAfterItIsPublished() throws Exception {
        Handoff handoff = new Handoff();
        List<Input> published = new CopyOnWriteArrayList<>();
        Thread publishing = new Thread(() -> handoff.drain(() -> input -> {
            if (input == B) {
                throw new IllegalStateException("publishing failed");
            }
            published.add(input);
        }));
        publishing.start();

        handoff.put(A);
        handoff.put(B);
        publishing.join();

        assertThatThrownBy(() -> handoff.put(A)).hasMessage("publishing failed");
        assertThat(published).containsExactly(A);
    }

    @Test
    void abandoningStopsPublishingAtItsNextInput() throws Exception {
        Handoff handoff = new Handoff();
        List<Input> published = new CopyOnWriteArrayList<>();
        handoff.put(A);
        handoff.put(B);
        handoff.abandon();
        Thread publishing = new Thread(() -> handoff.drain(() -> published::add));
        publishing.start();
        publishing.join();

        assertThat(published).as("what was queued is dropped: the run has failed").isEmpty();
        assertThat(publishing.isAlive()).isFalse();
    }
}
