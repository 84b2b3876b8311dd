package io.pactwire.cli;

import io.pactwire.enrich.Enricher;
import io.pactwire.ingest.Input;
import io.pactwire.ingest.InputReader;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;
import io.pactwire.model.Evidence;
import io.pactwire.model.Party;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Explanation;
import io.pactwire.tagger.Tagger;
import io.pactwire.tagger.Tags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "tag", description = {
        "Tag articles offline, without Kafka, and print one enriched article per input article as a JSON line (the",
        "news.enriched value), in input order. Reads the FILEs given (.jsonl: one article per line; .txt, .md, .html,",
        ".htm: one article each, through ingest's extraction; .json, .rss, .atom files too) or JSON lines on stdin.",
        "An input that cannot be read is reported on stderr with its line and reason and the run goes on; exit code 1",
        "if any input failed, else 0. With --explain, prints for people instead: per article, each tag with its",
        "evidence and the rule that gave it. Needs no cluster: of ingest's settings (--config, env PACTWIRE_INGEST_*,",
        "--set) it reads only those of reading files."})
final class TagCommand implements Callable<Integer> {
    /** Evidence text longer than this is shortened in --explain output. */
    private static final int EXPLAIN_TEXT = 160;

    @Option(names = "--explain", description = "Print, per article, each country and agreement with its evidence "
            + "(field, offsets, text, how it matched), why a country is or is not 'about', and the rule that gave each "
            + "agreement with its status and date, as text instead of JSON.")
    boolean explain;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Article files; none reads JSON lines from stdin.")
    List<Path> files = new ArrayList<>();

    @Mixin
    ReadingOptions reading = new ReadingOptions();

    private final PrintStream out;
    private final PrintStream err;
    private final java.io.InputStream in;
    private final Map<String, String> environment;

    TagCommand() {
        this(System.out, System.err, System.in, System.getenv());
    }

    TagCommand(PrintStream out, PrintStream err, java.io.InputStream in, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Tagger tagger = Tagger.standard();
        Enricher enricher = new Enricher(tagger, Clock.systemUTC());
        InputReader reader = ReadingOptions.reader(reading.settings(environment, Map.of()), false, Clock.systemUTC());
        int[] failures = {0};
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Consumer<Input> sink = input -> {
            try {
                if (input instanceof Input.Article a && explain) {
                    writer.write(explain(a.article(), tagger));
                } else if (input instanceof Input.Article a) {
                    writer.write(Serdes.ENRICHED_ARTICLE.toJson(enricher.enrich(a.article())));
                    writer.write('\n');
                } else if (input instanceof Input.Rejected r) {
                    failures[0]++;
                    writer.flush();
                    err.println("pactwire tag: " + r.source() + ": " + r.reason());
                } else if (input instanceof Input.Skipped s) {
                    err.println("pactwire tag: skipped " + s.source() + ": " + s.reason());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        if (files.isEmpty()) {
            reader.readJsonLines(in, "stdin", sink);
        } else {
            reader.read(files, sink);
        }
        writer.flush();
        return failures[0] == 0 ? 0 : 1;
    }

    /** The --explain text of one article: its tags, each with the evidence and the rule behind it. */
    static String explain(RawArticle article, Tagger tagger) {
        Tags tags = tagger.explain(new ArticleText(article.title(), article.dateline(), article.body(), article.site()));
        StringBuilder out = new StringBuilder();
        out.append("== ").append(article.id());
        if (!article.title().isBlank()) {
            out.append("  ").append(shorten(article.title()));
        }
        out.append('\n');
        if (article.dateline() != null) {
            out.append("   dateline: ").append(article.dateline()).append('\n');
        }
        out.append("   versions: tagger ").append(tagger.versions().tagger()).append(", gazetteer ")
                .append(tagger.versions().gazetteer()).append(", rules ").append(tagger.versions().rules()).append('\n');
        for (CountryTag c : tags.countries()) {
            out.append("   country ").append(c.code()).append(' ').append(c.name()).append(c.about() ? "  ABOUT" : "")
                    .append("  (").append(c.mentions()).append(c.mentions() == 1 ? " mention" : " mentions").append(")\n");
            tags.explanation().country(c.code()).ifPresent(why -> out.append("      why: ").append(why(why)).append('\n'));
            for (Evidence e : c.evidence()) {
                out.append("      ").append(evidence(e)).append('\n');
            }
        }
        for (AgreementTag a : tags.agreements()) {
            out.append("   agreement ").append(a.type()).append("  status ").append(a.status());
            if (a.date() != null) {
                out.append("  date ").append(a.date());
            }
            out.append('\n');
            tags.explanation().agreement(a.type()).ifPresent(why -> out.append("      why: ").append(why(why)).append('\n'));
            if (!a.parties().isEmpty()) {
                out.append("      parties: ");
                for (int i = 0; i < a.parties().size(); i++) {
                    Party p = a.parties().get(i);
                    out.append(i == 0 ? "" : "; ").append(p.name()).append(p.country() == null ? "" : " (" + p.country() + ")");
                }
                out.append('\n');
            }
            for (Evidence e : a.evidence()) {
                out.append("      ").append(evidence(e)).append('\n');
            }
        }
        if (tags.countries().isEmpty() && tags.agreements().isEmpty()) {
            out.append("   no countries, no agreements\n");
        }
        return out.toString();
    }

    /** "about: dateline, title, 2 mentions in the body": whether a country is about, and by which signals. */
    private static String why(Explanation.CountryReason reason) {
        StringBuilder line = new StringBuilder(reason.about() ? "about:" : "not about:");
        for (Explanation.Signal signal : Explanation.Signal.values()) { // in the enum's order, not the set's
            if (reason.signals().contains(signal)) {
                line.append(' ').append(signal.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(',');
            }
        }
        return line.append(' ').append(reason.bodyMentions()).append(reason.bodyMentions() == 1 ? " mention" : " mentions")
                .append(" in the body").toString();
    }

    /** "rule trade.free on "free trade agreement"; status SIGNED; date 2021-03-03": how an agreement was read. */
    private static String why(Explanation.AgreementReason reason) {
        return "rule " + reason.rule() + " on \"" + shorten(reason.trigger()) + "\"; status " + reason.status()
                + (reason.date() == null ? "" : "; date " + reason.date());
    }

    private static String evidence(Evidence e) {
        return "[" + e.match() + "] " + e.field() + " " + e.start() + "-" + e.end() + " \"" + shorten(e.text()) + "\"";
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXPLAIN_TEXT ? flat : flat.substring(0, EXPLAIN_TEXT - 3) + "...";
    }
}
