package io.pactwire.cli;

import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.tagger.Tagger;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "enrich", description = {
        "Run the enricher (Kafka Streams, news.raw -> news.enriched, dead letters to news.dlq) until stopped.",
        "SIGTERM or Ctrl-C closes it cleanly. Exit code 0 after a requested stop, 1 if it stopped on errors."})
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        EnrichConfig config = new EnrichConfig(kafka.input());
        TopicSetup.ensure(config);
        EnricherApp app = new EnricherApp(config, Tagger.standard());
        AtomicBoolean requested = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            requested.set(true);
            app.close(Duration.ofSeconds(30));
        }, "pactwire-enrich-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        app.start();
        app.awaitStopped();
        boolean failed = app.state() == KafkaStreams.State.ERROR || !requested.get();
        if (!requested.get()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            app.close(Duration.ofSeconds(30));
        }
        return failed ? 1 : 0;
    }
}
