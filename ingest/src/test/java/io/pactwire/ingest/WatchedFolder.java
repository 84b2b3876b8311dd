package io.pactwire.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ingest --watch} of one folder, rescanned every 100 ms, running until {@link #stop()}: what it
 * published and rejected, and how many passes it made, for the tests that watch a folder change.
 */
final class WatchedFolder {
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(60);

    final List<IngestReport.Published> published = new CopyOnWriteArrayList<>();
    final List<Input.Rejected> rejected = new CopyOnWriteArrayList<>();
    final AtomicInteger passes = new AtomicInteger();
    final CompletableFuture<IngestReport> running;
    private final IngestService service;

    WatchedFolder(IngestService service, Path folder) {
        this.service = service;
        Progress progress = new Progress() {
            @Override
            public void published(IngestReport.Published p) {
                published.add(p);
            }

            @Override
            public void rejected(Input.Rejected r) {
                rejected.add(r);
            }

            @Override
            public void passDone() {
                passes.incrementAndGet();
            }
        };
        running = CompletableFuture.supplyAsync(() -> service.run(
                new IngestService.Sources(List.of(folder.toString()), List.of(), null, true, INTERVAL), progress));
    }

    /** Waits until the watch has made {@code count} passes in all, and checks it still runs. */
    void awaitPasses(int count) {
        await().atMost(WAIT).until(() -> passes.get() >= count || running.isDone());
        assertThat(running).as("the watch runs").isNotDone();
    }

    /** Stops the watch and returns its report. */
    IngestReport stop() throws Exception {
        service.stop();
        return running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
