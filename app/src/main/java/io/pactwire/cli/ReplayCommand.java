package io.pactwire.cli;

import io.pactwire.enrich.EnrichConfig;
import io.pactwire.store.StoreConfig;
import io.pactwire.topics.PipelineTopics;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "replay", description = {
        "Reprocess history. --from moves the enricher's committed offsets on news.raw back, so that the enricher",
        "reads those articles again when it next starts (articles whose content and tagger versions are unchanged",
        "are skipped; after a rules change every article is tagged again). --rebuild-store writes a tombstone for",
        "every article news.articles holds and moves the store's offsets on news.enriched to the beginning, so that",
        "the store writes back every article news.enriched still holds; the topic is never deleted and keeps its",
        "partitions and configs (it is created as its contract says if it does not exist). Both refuse while the",
        "group they move has active members: stop those services first. --dry-run prints what would be done; the",
        "plan is printed either way."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--from", paramLabel = "WHEN",
                description = "earliest, an ISO-8601 instant (2018-01-16T00:00:00Z), or a duration back from now (7d, 12h, 30m).")
        String from;

        @Option(names = "--rebuild-store", description = "Rebuild news.articles from news.enriched.")
        boolean rebuildStore;
    }

    @Option(names = "--dry-run", description = "Print the plan without changing anything.")
    boolean dryRun;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (what.rebuildStore) {
            StoreConfig config = new StoreConfig(kafka.input());
            try (Admin admin = Admin.create(config.adminProperties())) {
                return rebuildStore(new Replay(admin), config);
            }
        }
        EnrichConfig config = new EnrichConfig(kafka.input());
        try (Admin admin = Admin.create(config.adminProperties())) {
            Replay replay = new Replay(admin);
            Replay.From from;
            try {
                from = Replay.From.parse(what.from, Clock.systemUTC());
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--from': " + e.getMessage());
            }
            replay.requireInactive(config.applicationId(), "enrich");
            Replay.Plan plan = replay.plan(config.applicationId(), config.topics().raw(), from);
            out.println("Replay of " + config.topics().raw().name() + " from " + from.text() + " for the enricher:");
            out.println(plan.describe());
            if (dryRun) {
                out.println("Dry run: nothing changed.");
                return 0;
            }
            replay.apply(plan);
            out.println("Done: the enricher (group " + plan.group() + ") reprocesses these records when it next starts.");
        }
        return 0;
    }

    /**
     * Rebuilds news.articles in place. The offsets move before the tombstones are written: should the command
     * fail between the two, the store folds news.enriched from its beginning over a view that still holds
     * the articles (it skips them as duplicates, and writes back those already tombstoned); the other order
     * would leave it going on from its old offsets over an emptied topic.
     */
    private int rebuildStore(Replay replay, StoreConfig config) throws InterruptedException {
        String group = config.groupId();
        PipelineTopics topics = config.topics();
        replay.requireInactive(group, "store");
        Replay.Plan plan = replay.plan(group, topics.enriched(), Replay.From.parse("earliest", Clock.systemUTC()));
        Instant earliest = replay.earliestTimestamp(topics.enriched());
        Optional<Integer> partitions = replay.partitions(topics.articles());
        Set<String> ids = partitions.isPresent() ? ArticleTombstones.currentIds(config.readerProperties(), topics.articles().name(), TIMEOUT) : Set.of();
        if (partitions.isPresent()) {
            out.println("Rebuild of " + topics.articles().name() + " (" + partitions.get() + " partitions; the topic, its"
                    + " partitions and configs stay as they are): a tombstone for each of the " + ids.size()
                    + " articles it holds, then the store (group " + group + ") folds " + topics.enriched().name()
                    + " from its beginning and writes every article it holds back:");
        } else {
            out.println("Rebuild of " + topics.articles().name() + ": it does not exist and will be created as its contract"
                    + " says; then the store (group " + group + ") folds " + topics.enriched().name() + " from its beginning"
                    + " and writes every article it holds into it:");
        }
        out.println(plan.describe());
        out.println(topics.enriched().name() + " holds results since " + (earliest == null ? "(it is empty)" : earliest)
                + "; an article enriched only before that is not restored: replay --from earliest after a rules change"
                + " restores everything.");
        if (dryRun) {
            out.println("Dry run: nothing changed.");
            return 0;
        }
        // creates a missing news.articles; refuses one whose cleanup.policy breaks its contract (auto-created)
        TopicSetup.ensure(config, List.of(topics.articles()));
        replay.apply(plan);
        ArticleTombstones.write(config.rebuildProducerProperties(), topics.articles().name(), ids);
        out.println("Done: " + ids.size() + " tombstones written to " + topics.articles().name() + " and the store's offsets"
                + " moved; start the store to write every article back.");
        return 0;
    }
}
