package io.pactwire.cli;

import io.pactwire.enrich.EnrichConfig;
import io.pactwire.store.StoreConfig;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "replay", description = {
        "Reprocess history. --from moves the enricher's committed offsets on news.raw back, so that the enricher",
        "reads those articles again when it next starts (articles whose content and tagger versions are unchanged",
        "are skipped; after a rules change every article is tagged again). --rebuild-store deletes and creates",
        "news.articles again and moves the store's offsets on news.enriched to the beginning, so that the store",
        "rebuilds it from what news.enriched still holds. Both refuse while the group they move has active members:",
        "stop those services first. --dry-run prints what would be done; the plan is printed either way."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

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

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (what.rebuildStore) {
            StoreConfig config = new StoreConfig(kafka.input());
            try (Admin admin = Admin.create(config.adminProperties())) {
                return rebuildStore(new Replay(admin, Clock.systemUTC()), config);
            }
        }
        EnrichConfig config = new EnrichConfig(kafka.input());
        try (Admin admin = Admin.create(config.adminProperties())) {
            Replay replay = new Replay(admin, Clock.systemUTC());
            Replay.From from = Replay.From.parse(what.from, Clock.systemUTC());
            replay.requireInactive(config.applicationId(), "enrich");
            Replay.Plan plan = replay.plan(config.applicationId(), Topics.RAW, from);
            out.println("Replay of " + Topics.RAW.name() + " from " + from.text() + " for the enricher:");
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

    private int rebuildStore(Replay replay, StoreConfig config) throws InterruptedException {
        String group = config.getString(StoreConfig.GROUP_ID);
        replay.requireInactive(group, "store");
        Replay.Plan plan = replay.plan(group, Topics.ENRICHED, Replay.From.parse("earliest", Clock.systemUTC()));
        Instant earliest = replay.earliestTimestamp(Topics.ENRICHED);
        out.println("Rebuild of " + Topics.ARTICLES.name() + ": it will be deleted and created again, empty; then the"
                + " store (group " + group + ") folds " + Topics.ENRICHED.name() + " from its beginning:");
        out.println(plan.describe());
        out.println(Topics.ENRICHED.name() + " holds results since " + (earliest == null ? "(it is empty)" : earliest)
                + "; an article enriched only before that is not restored: replay --from earliest after a rules change"
                + " restores everything.");
        if (dryRun) {
            out.println("Dry run: nothing changed.");
            return 0;
        }
        replay.recreate(Topics.ARTICLES, config.topicSettings());
        replay.apply(plan);
        out.println("Done: " + Topics.ARTICLES.name() + " is empty; start the store to rebuild it.");
        return 0;
    }
}
