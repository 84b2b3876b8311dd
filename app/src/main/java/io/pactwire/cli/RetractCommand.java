package io.pactwire.cli;

import io.pactwire.ingest.ArticlePublisher;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.KnownArticles;
import io.pactwire.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

@Command(name = "retract", description = {
        "Retract articles: write a tombstone for each id to news.raw. The enricher forwards it, the store removes the",
        "article from news.articles, and its agreements get tombstones on news.agreements. An id news.raw holds no",
        "article for (a typo, or one already retracted) is reported and nothing is written for it, unless --force.",
        "Exit code 0 when every id was retracted, 1 when any was not."})
final class RetractCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Article ids (the keys of news.raw and news.articles).")
    List<String> ids;

    @Option(names = "--force", description = "Write the tombstone even for an id news.raw holds no article for.")
    boolean force;

    @Override
    public Integer call() throws InterruptedException {
        IngestConfig config = new IngestConfig(kafka.input());
        TopicSetup.ensure(config, Topics.Service.INGEST);
        // a tombstone for an id that is not there would succeed silently and retract nothing: read what is there
        // (into a temporary index: a running ingest holds its own state folder)
        int failed = 0;
        try (KnownArticles known = force ? null : KnownArticles.load(config.knownArticlesConsumerProperties(),
                config.topics().raw().name(), config.knownArticlesTimeout());
             ArticlePublisher publisher = new ArticlePublisher(config.producerProperties(), config.topics().raw().name())) {
            for (String id : new LinkedHashSet<>(ids)) {
                if (!force && known.get(id).isEmpty()) {
                    failed++;
                    System.err.println("pactwire retract: " + id + ": " + config.topics().raw().name() + " holds no article with this"
                            + " id; nothing written (--force writes the tombstone anyway)");
                    continue;
                }
                try {
                    publisher.retract(id);
                    System.out.println("retracted " + id);
                } catch (ExecutionException e) {
                    failed++;
                    System.err.println("pactwire retract: " + id + ": " + e.getCause().getMessage());
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
