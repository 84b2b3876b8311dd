package io.pactwire.cli;

import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "store", description = {
        "Run the store (news.enriched -> compacted news.articles, transactional) until stopped.",
        "SIGTERM or Ctrl-C finishes the current transaction and closes it cleanly (the process then exits 143 or",
        "130, as any process stopped by that signal); exit code 1 if it stopped on an error."})
final class StoreCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        StoreConfig config = new StoreConfig(kafka.input());
        TopicSetup.ensure(config, Topics.Service.STORE);
        ArticleStore store = new ArticleStore(config);
        Thread hook = new Thread(store::close, "pactwire-store-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Heartbeat heartbeat = Heartbeat.start(config.healthFile(), () -> store.healthy(Duration.ofSeconds(60)))) {
            store.run();
        }
        return 0;
    }
}
