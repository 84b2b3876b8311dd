package io.pactwire.cli;

import io.pactwire.config.ClusterAccessException;
import io.pactwire.config.ClusterConfig;
import io.pactwire.config.ConfigInput;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.FailurePolicy;
import io.pactwire.runtime.Health;
import io.pactwire.runtime.Service;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one runner of services, with services that do their work in a thread of their own and then stop. */
class ServiceRunnerTest {
    private static final ClusterConfig CONFIG = new ClusterConfig(ConfigInput.of(Map.of("bootstrap.servers", "127.0.0.1:1")));

    /** A service that becomes ready, then stops (with {@code failure}, if any) once released. */
    private static final class Worker implements Service {
        final List<String> events = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        private final CountDownLatch ready = new CountDownLatch(1);
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final Supplier<RuntimeException> refuseStart;
        private final Failure failure;
        private volatile boolean closed;

        Worker(Supplier<RuntimeException> refuseStart, Failure failure) {
            this.refuseStart = refuseStart;
            this.failure = failure;
        }

        @Override
        public String name() {
            return "worker";
        }

        @Override
        public synchronized void start() {
            events.add("start");
            RuntimeException refused = refuseStart.get();
            if (refused != null) {
                throw refused;
            }
            Thread work = new Thread(() -> {
                ready.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stopped.countDown();
            });
            work.start();
        }

        @Override
        public boolean awaitReady(Duration timeout) throws InterruptedException {
            return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && stopped.getCount() > 0;
        }

        @Override
        public Health health() {
            if (stopped.getCount() == 0 || closed) {
                return Health.of(Health.Status.STOPPED, "worker has stopped");
            }
            return ready.getCount() == 0 ? Health.ready() : Health.of(Health.Status.STARTING, "worker is starting");
        }

        @Override
        public Optional<Failure> awaitStopped() throws InterruptedException {
            stopped.await();
            return Optional.ofNullable(failure);
        }

        @Override
        public synchronized boolean close(Duration timeout) {
            events.add("close");
            closed = true;
            release.countDown();
            return true;
        }
    }

    private static ServiceRunner.Hooks<Worker> recording(MetricsServer metrics) {
        return new ServiceRunner.Hooks<>() {
            @Override
            public void started(Worker worker) {
                worker.events.add("started");
            }

            @Override
            public void ready(Worker worker) {
                worker.events.add("ready: " + metrics.notReady().orElse("(none)"));
                worker.release.countDown();
            }

            @Override
            public void stopped(Worker worker) {
                worker.events.add("stopped");
            }
        };
    }

    @Test
    void theServerIsNotReadyBeforeAServiceReportsItsHealth() {
        try (MetricsServer metrics = MetricsServer.off()) {
            assertThat(metrics.notReady()).as("started before the service, which has loaded nothing yet").hasValue("starting");
            ServiceRunner.reportHealth(metrics, new Worker(() -> null, null));
            assertThat(metrics.notReady()).as("the service's own health now decides").hasValue("worker is starting");
        }
    }

    @Test
    void aServiceThatFinishesItsWorkIsToldReadyReportsItsHealthAndExitsZero() throws Exception {
        Worker worker = new Worker(() -> null, null);
        try (MetricsServer metrics = MetricsServer.off()) {
            assertThat(ServiceRunner.run("work", worker, CONFIG, metrics, Duration.ofSeconds(30), recording(metrics))).isZero();
            assertThat(worker.events).containsExactly("start", "started", "ready: (none)", "stopped", "close");
            assertThat(metrics.notReady()).hasValue("worker has stopped");
        }
    }

    @Test
    void aServiceThatStopsOnAFailureHasItThrownAsThePolicyExplainsIt() throws Exception {
        Failure refused = FailurePolicy.classify(new TopicAuthorizationException(Set.of("news.raw")), CONFIG);
        Worker worker = new Worker(() -> null, refused);
        try (MetricsServer metrics = MetricsServer.off()) {
            assertThatThrownBy(() -> ServiceRunner.run("work", worker, CONFIG, metrics, Duration.ofSeconds(30), recording(metrics)))
                    .isInstanceOfSatisfying(ClusterAccessException.class, e -> assertThat(e.failure()).isEqualTo(refused))
                    .hasMessageContaining("not authorized by Kafka at 127.0.0.1:1");
            assertThat(worker.events).containsExactly("start", "started", "ready: (none)", "stopped", "close");
        }
    }

    @Test
    void aServiceThatCannotStartIsClosedAndWhatStoppedItThrown() throws Exception {
        IllegalStateException cannot = new IllegalStateException("serve reads news.raw, which the cluster does not hold");
        Worker worker = new Worker(() -> cannot, null);
        try (MetricsServer metrics = MetricsServer.off()) {
            assertThatThrownBy(() -> ServiceRunner.run("work", worker, CONFIG, metrics, Duration.ofSeconds(30), recording(metrics)))
                    .isSameAs(cannot);
            assertThat(worker.events).containsExactly("start", "close");
            assertThat(metrics.notReady()).hasValue("worker has stopped");
        }
    }
}
