package io.pactwire.cli;

import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

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
            return ServiceRunner.run("enrich", new EnricherApp(config, Tagger.standard()), config, metrics,
                    config.startupTimeout(), app -> ServiceMeters.enrich(metrics, app));
        }
    }
}
