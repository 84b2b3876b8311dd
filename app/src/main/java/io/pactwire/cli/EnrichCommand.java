package io.pactwire.cli;

import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "enrich", description = {
        "Run the enricher (Kafka Streams, news.raw -> news.enriched, dead letters to news.dlq) until stopped.",
        "SIGTERM or Ctrl-C closes it cleanly (the process then exits 143 or 130, as any process stopped by that",
        "signal); exit code 1 if it stopped by itself after repeated errors."})
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        EnrichConfig config = new EnrichConfig(kafka.input());
        // serving first: a taken port is found before connecting, and /health/live answers while the enricher starts
        try (MetricsServer metrics = MetricsServer.start(config)) {
            TopicSetup.ensure(config, Topics.Service.ENRICH);
            EnricherApp app = new EnricherApp(config, Tagger.standard());
            ServiceMeters.enrich(metrics, app);
            AtomicBoolean requested = new AtomicBoolean();
            Thread hook = new Thread(() -> {
                requested.set(true);
                boolean closed = app.close(Duration.ofSeconds(30));
                System.err.println(closed ? "pactwire enrich: stopped cleanly" : "pactwire enrich: did not stop within 30 s");
            }, "pactwire-enrich-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            app.start();
            try (Heartbeat heartbeat = Heartbeat.start(config.healthFile(), () -> app.state() == KafkaStreams.State.RUNNING
                    || app.state() == KafkaStreams.State.REBALANCING)) {
                app.awaitStopped();
            }
            boolean failed = app.state() == KafkaStreams.State.ERROR || !requested.get();
            if (!requested.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
                app.close(Duration.ofSeconds(30));
            }
            return failed ? 1 : 0;
        }
    }
}
