package io.pactwire.bench.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `eval` scores as score.py does, on an evaluation folder of our own sentences. */
class EvalCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> environment, String... args) {
        EvalCommand command = new EvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new CommandLine(command).execute(args);
    }

    private static void evalFolder(Path dir) throws IOException {
        Files.writeString(dir.resolve("dev.jsonl"), String.join("\n",
                "{\"id\":\"a\",\"title\":\"Rates\",\"dateline\":\"TOKYO, March 3 -\",\"body\":\"The central bank kept rates.\","
                        + "\"places\":[\"japan\"],\"gold_countries\":[[\"JP\"]]}",
                "{\"id\":\"b\",\"title\":\"Talks\",\"dateline\":\"WASHINGTON, March 4 -\",\"body\":\"Officials met French and "
                        + "Kenyan envoys.\",\"places\":[\"usa\",\"kenya\"],\"gold_countries\":[[\"US\"],[\"KE\"]]}",
                "{\"id\":\"c\",\"title\":\"Harvest\",\"body\":\"The harvest was late.\",\"places\":[\"brazil\"],"
                        + "\"gold_countries\":[[\"BR\"]]}",
                ""));
        Files.writeString(dir.resolve("agreements_dev.tsv"), "id\ttypes\tevidence\na\t\t-\nb\tTREATY|TRADE_AGREEMENT\t-\n");
    }

    @Test
    void scoresAllCountriesAboutCountriesAndAgreementTypesAsTheSharedScorerDoes(@TempDir Path dir) throws IOException {
        evalFolder(dir);
        int exit = run("--data", dir.toString(), "--seeds", dir.resolve("no-seeds").toString(), "--save", dir.resolve("out").toString());
        assertThat(exit).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        // all countries: a JP (match), b US KE (match) FR (false positive), c nothing: 3 of 4 gold items, 3 of 4 predicted
        assertThat(text).contains(String.format("%-40s %5d %5d %5d  %7.3f  %7.3f  %8.3f  %8.3f",
                "countries, all found (recall is the figure)", 3, 4, 4, 0.75, 0.75, 0.75, (1.0 + 0.8 + 0.0) / 3));
        // non-US documents: a and c
        assertThat(text).contains(String.format("%-40s %5d %5d %5d  %7.3f  %7.3f  %8.3f  %8.3f",
                "countries, all found, non-US docs", 2, 2, 1, 1.0, 0.5, 2 / 3.0, 0.5));
        // agreement types: nothing predicted; a is an empty gold (macro 1.0), b is missed
        assertThat(text).contains(String.format("%-40s %5d %5d %5d  %7.3f  %7.3f  %8.3f  %8.3f",
                "agreement types", 2, 1, 0, 0.0, 0.0, 0.0, 0.5));
        assertThat(text).contains("seeds: " + dir.resolve("no-seeds") + " not found, skipped");
        assertThat(Files.readAllLines(dir.resolve("out/about.jsonl"))).hasSize(3);
    }

    @Test
    void scoresTheModernSetsTypesStatusAndPartiesAsScorePartiesDoes(@TempDir Path dir) throws IOException {
        evalFolder(dir);
        Path modern = Files.createDirectories(dir.resolve("modern"));
        Files.writeString(modern.resolve("articles.jsonl"), String.join("\n",
                "{\"id\":\"m1\",\"title\":\"Pact\",\"body\":\"France and Kenya signed a trade agreement on Monday.\"}",
                "{\"id\":\"m2\",\"title\":\"Weather\",\"body\":\"It rained in Peru.\"}", ""));
        Files.writeString(modern.resolve("gold.tsv"), "id\tcountries\ttypes\tevidence\nm1\tFR,KE\tTRADE_AGREEMENT,LOI\t-\nm2\tPE\t\t-\n");
        Files.writeString(modern.resolve("parties.tsv"), "id\ttype\tparty_countries\tstatus\n"
                + "m1\tTRADE_AGREEMENT\tFR,KE\tSIGNED|AGREED\nm1\tLOI\tFR\tPROPOSED\n");
        int exit = run("--data", dir.toString(), "--seeds", dir.resolve("no-seeds").toString(), "--modern", modern.toString(),
                "--worst", "2");
        assertThat(exit).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        // types: m1 has 2 gold items, the trade agreement found; m2 empty and nothing found (macro 1.0)
        assertThat(text).contains(String.format("%-40s %5d %5d %5d  %7.3f  %7.3f  %8.3f  %8.3f",
                "modern: agreement types", 2, 2, 1, 1.0, 0.5, 2 / 3.0, (2 / 3.0 + 1.0) / 2));
        // one of the two party rows is typed (the letter of intent is not found): its status and parties are right
        assertThat(text).contains("(1 of 2 rows typed, 0.500)");
        assertThat(text).contains("status accuracy, first matching agreement 1.000, any 1.000");
        assertThat(text).contains("micro P 1.000  R 1.000  F1 1.000");
        assertThat(text).contains("exact set over typed rows 1.000");
        assertThat(text).contains("worst 2: modern: agreement types");
    }

    @Test
    void scoresOurOwnSetFromItsArticlesFolderInTheSameRun(@TempDir Path dir) throws IOException {
        evalFolder(dir);
        Path own = Files.createDirectories(dir.resolve("own"));
        Files.writeString(own.resolve("articles.jsonl"), String.join("\n",
                "{\"id\":\"o1\",\"title\":\"Deal\",\"body\":\"Japan and Chile signed a memorandum of understanding.\"}",
                "{\"id\":\"o2\",\"title\":\"Visit\",\"body\":\"The minister visited Chile.\"}", ""));
        Files.writeString(own.resolve("gold.tsv"), "id\tcountries\ttypes\tevidence\no1\tCL,JP\tMOU,JOINT_VENTURE\t-\no2\tCL\t\t-\n");
        Files.writeString(own.resolve("parties.tsv"), "id\ttype\tparty_countries\tstatus\n"
                + "o1\tMOU\tCL,JP\tSIGNED\no1\tJOINT_VENTURE\tJP\tPROPOSED\n");
        int exit = run("--data", dir.toString(), "--seeds", dir.resolve("no-seeds").toString(), "--modern",
                dir.resolve("no-modern").toString(), "--own", own.toString(), "--worst", "1");
        assertThat(exit).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("own dev set: 2 articles from " + own.resolve("articles.jsonl") + " (0 unreadable)\n");
        // countries: CL, JP and CL all found, nothing else
        assertThat(text).contains(String.format("%-40s %5d %5d %5d  %7.3f  %7.3f  %8.3f  %8.3f",
                "own: countries", 2, 3, 3, 1.0, 1.0, 1.0, 1.0));
        // types: o1's MoU found, its joint venture missed; o2 empty and nothing found (macro 1.0)
        assertThat(text).contains(String.format("%-40s %5d %5d %5d  %7.3f  %7.3f  %8.3f  %8.3f",
                "own: agreement types", 2, 2, 1, 1.0, 0.5, 2 / 3.0, (2 / 3.0 + 1.0) / 2));
        assertThat(text).contains("own: status and parties of correctly typed agreements (1 of 2 rows typed, 0.500)");
        assertThat(text).contains("worst 1: own: agreement types");
    }

    @Test
    void ourOwnSetWithoutGoldInItsFolderIsScoredAgainstTheRepositorysEvalOwn(@TempDir Path dir) throws IOException {
        evalFolder(dir);
        Path own = Files.createDirectories(dir.resolve("own"));
        Files.writeString(own.resolve("articles.jsonl"),
                "{\"id\":\"usdos-340209\",\"title\":\"MoU\",\"body\":\"Armenia and the United States signed an MoU.\"}\n");
        assertThat(run("--data", dir.toString(), "--seeds", dir.resolve("no-seeds").toString(), "--modern",
                dir.resolve("no-modern").toString(), "--own", own.toString())).isZero();
        Path repositoryGold = EvalCommand.repository().resolve("eval/own");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("own dev set: 1 articles from " + own.resolve("articles.jsonl") + " (0 unreadable), gold from "
                        + repositoryGold)
                // the whole versioned gold is scored: the articles not given count as empty predictions
                .contains(String.format("%-40s %5d", "own: agreement types", Files.readAllLines(repositoryGold.resolve("gold.tsv")).size() - 1));
    }

    @Test
    void aMissingOwnSetIsSkipped(@TempDir Path dir) throws IOException {
        evalFolder(dir);
        assertThat(run("--data", dir.toString(), "--seeds", dir.resolve("no-seeds").toString(), "--modern",
                dir.resolve("no-modern").toString(), "--own", dir.resolve("nowhere").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("own dev set: " + dir.resolve("nowhere") + " and ")
                .contains("do not hold articles.jsonl, gold.tsv and parties.tsv, skipped");
    }

    @Test
    void aMissingModernSetIsSkipped(@TempDir Path dir) throws IOException {
        evalFolder(dir);
        assertThat(run("--data", dir.toString(), "--seeds", dir.resolve("no-seeds").toString(), "--modern",
                dir.resolve("nowhere").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("modern dev set: " + dir.resolve("nowhere") + " does not hold");
    }

    @Test
    void aMissingEvaluationFolderIsAUsageError(@TempDir Path dir) {
        assertThat(run("--data", dir.resolve("nowhere").toString())).isEqualTo(EvalCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must hold dev.jsonl and agreements_dev.tsv");
    }

    @Test
    void readsAgreementGoldWithAlternativesAndEmptyRows(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("g.tsv");
        Files.writeString(tsv, "id\ttypes\tevidence\nx\tMOU-x|LETTER_OF_INTENT,JOINT_VENTURE\tev\ny\t\tnone\n");
        assertThat(EvalCommand.agreementGold(tsv)).isEqualTo(Map.of(
                "x", List.of(List.of("MOU_X", "LETTER_OF_INTENT"), List.of("JOINT_VENTURE")), "y", List.of()));
    }

    @Test
    void readsArticlesWithTheSizeLimitTheEnvironmentGivesIngest(@TempDir Path dir) throws IOException {
        evalFolder(dir);
        Files.writeString(dir.resolve("dev.jsonl"), "{\"id\":\"d\",\"title\":\"Long\",\"body\":\""
                + "Japan and Chile met again. ".repeat(80) + "\",\"places\":[\"japan\"],\"gold_countries\":[[\"JP\"]]}\n",
                StandardOpenOption.APPEND);
        String[] args = {"--data", dir.toString(), "--seeds", dir.resolve("no-seeds").toString(), "--modern",
                dir.resolve("no-modern").toString(), "--own", dir.resolve("no-own").toString()};
        assertThat(run(args)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("pactwire eval: 4 articles from ").contains("(0 unreadable)");
        out.reset();
        assertThat(run(Map.of("PACTWIRE_INGEST_MAX_ARTICLE_BYTES", "1024"), args)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("pactwire eval: 3 articles from ").contains("(1 unreadable)");
    }

    @Test
    void showsItsHelpAsTheLauncherRunsIt() {
        java.io.StringWriter help = new java.io.StringWriter();
        CommandLine commandLine = new CommandLine(new EvalCommand()).setOut(new java.io.PrintWriter(help, true));
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(help.toString()).startsWith("Usage: pactwire eval ").contains("--own=DIR")
                .contains("--worst=N").contains("--save=DIR").contains("--geo=DIR");
    }
}
