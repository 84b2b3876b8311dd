package io.pactwire.cli;

import io.pactwire.config.ClusterConfig;
import io.pactwire.model.AgreementType;
import io.pactwire.model.Printable;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Serdes;
import io.pactwire.store.ArticlesView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "articles", description = {
        "Show the current articles: read news.articles from the beginning, keep the latest result per article, and",
        "print a table (or JSON lines). With --follow, keep printing articles as they are stored or retracted."})
final class ArticlesCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--country", paramLabel = "CODE", description = "Only articles naming this country (ISO 3166-1 alpha-2).")
    String country;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only articles reporting this agreement type, e.g. MEMORANDUM_OF_UNDERSTANDING.")
    AgreementType type;

    @Option(names = "--since", paramLabel = "DATE", description = "Only articles published on or after this date (yyyy-mm-dd).")
    LocalDate since;

    @Option(names = "--follow", description = "After the current articles, keep printing changes until stopped.")
    boolean follow;

    @Option(names = "--json", description = "Print JSON lines (the news.articles values) instead of a table.")
    boolean json;

    private final PrintStream out;

    ArticlesCommand() {
        this(System.out);
    }

    ArticlesCommand(PrintStream out) {
        this.out = out;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String code = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        if (code != null && !CountryCodes.isKnown(code)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--country': '"
                    + country + "' is not a country code the tagger gives (ISO 3166-1 alpha-2, such as LU, CN, JP, US;"
                    + " or a former country: " + String.join(", ", CountryCodes.FORMER) + ")");
        }
        ArticleFilter filter = new ArticleFilter(code, type, since);
        ClusterConfig config = new ClusterConfig(kafka.input());
        try (ArticlesView view = new ArticlesView(config.readerProperties(), config.topics().articles().name())) {
            return show(view, filter);
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            return 0;
        }
    }

    private int show(ArticlesView view, ArticleFilter filter) {
        List<EnrichedArticle> shown = view.readToEnd(Duration.ofSeconds(60)).values().stream().filter(filter).toList();
        if (json) {
            shown.forEach(a -> out.println(Serdes.ENRICHED_ARTICLE.toJson(a)));
        } else {
            out.print(ArticleTable.render(shown));
            out.println(shown.size() + " article" + (shown.size() == 1 ? "" : "s"));
        }
        out.flush();
        // stops on Ctrl-C or SIGTERM (the JVM exits), or when this thread is interrupted
        while (follow && !Thread.currentThread().isInterrupted()) {
            for (ArticlesView.Change change : view.poll(Duration.ofMillis(500))) {
                if (change.article() == null) {
                    out.println(json ? "{\"id\":" + quote(change.id()) + ",\"retracted\":true}" : "retracted " + Printable.escape(change.id()));
                } else if (filter.test(change.article())) {
                    out.print(json ? Serdes.ENRICHED_ARTICLE.toJson(change.article()) + "\n"
                            : ArticleTable.rows(List.of(change.article())));
                }
            }
            out.flush();
        }
        return 0;
    }

    private static String quote(String id) {
        return io.pactwire.model.Json.mapper().valueToTree(id).toString();
    }
}
