package io.pactwire.bench.eval;

import io.pactwire.enrich.Enricher;
import io.pactwire.ingest.InputReader;
import io.pactwire.ingest.Input;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Party;
import io.pactwire.tagger.Tagger;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dev set in the modern set's layout: the modern dev set ({@code ../shared/eval/modern}) and our own
 * ({@code eval/own}, its articles rebuilt outside the repository). Its articles go through the same path as {@code tag}
 * (JSON lines as they are, read by ingest's reader, tagged by the enricher); countries and agreement types
 * are scored against {@code gold.tsv} as {@code score.py --seeds} scores them, and status and party
 * countries against {@code parties.tsv} as {@code score_parties.py} does: for each gold row whose type (any
 * alternative) the article's output has, the system agreements of the first alternative it has are compared
 * with the row (status of the first of them; the union of their party countries).
 */
final class ModernEval {

    /** What the tagger said about one agreement of an article. */
    record Found(String type, String status, Set<String> parties) {
    }

    /** One row of parties.tsv. */
    record PartyRow(String id, List<String> types, Set<String> parties, List<String> statuses) {
    }

    /** score_parties.py's figures, with the rows it got wrong (status or party set) for --worst. */
    record PartyScore(int rows, int typed, int statusFirst, int statusAny, int partyRows, int tp, int predicted,
                      int gold, int exact, int emptyGoldWithPredicted, List<String> wrong) {

        double coverage() {
            return ratio(typed, rows);
        }

        double statusAccuracy() {
            return ratio(statusFirst, typed);
        }

        double statusAccuracyAny() {
            return ratio(statusAny, typed);
        }

        double precision() {
            return ratio(tp, predicted);
        }

        double recall() {
            return ratio(tp, gold);
        }

        double exactAccuracy() {
            return ratio(exact, typed);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : a / (double) b;
        }
    }

    private ModernEval() {
    }

    /** Tags DIR/articles.jsonl and prints the figures against DIR's gold; false when the folder does not hold the set. */
    static boolean run(Path dir, Tagger tagger, long maxArticleBytes, int worst, PrintStream out) throws IOException {
        return run("modern", dir, dir, tagger, maxArticleBytes, worst, out);
    }

    /**
     * Tags ARTICLES/articles.jsonl and prints the figures, each named after {@code label}, against
     * GOLD/gold.tsv and GOLD/parties.tsv; false (and a line saying why) when a file is missing.
     */
    static boolean run(String label, Path articlesDir, Path goldDir, Tagger tagger, long maxArticleBytes, int worst,
                       PrintStream out) throws IOException {
        Path articles = articlesDir.resolve("articles.jsonl");
        Path goldFile = goldDir.resolve("gold.tsv");
        Path partiesFile = goldDir.resolve("parties.tsv");
        if (!Files.isRegularFile(articles) || !Files.isRegularFile(goldFile) || !Files.isRegularFile(partiesFile)) {
            out.println(label + " dev set: " + (articlesDir.equals(goldDir) ? articlesDir + " does not hold"
                    : articlesDir + " and " + goldDir + " do not hold") + " articles.jsonl, gold.tsv and parties.tsv, skipped");
            return false;
        }
        Enricher enricher = new Enricher(tagger, Clock.systemUTC());
        InputReader reader = new InputReader(maxArticleBytes, Clock.systemUTC());
        Map<String, List<String>> countries = new LinkedHashMap<>();
        Map<String, List<String>> types = new LinkedHashMap<>();
        Map<String, List<Found>> found = new LinkedHashMap<>();
        int[] rejected = {0};
        try (InputStream in = Files.newInputStream(articles)) {
            reader.readJsonLines(in, articles.toString(), input -> {
                if (input instanceof Input.Article a) {
                    EnrichedArticle e = enricher.enrich(a.article());
                    countries.put(e.id(), e.countries().stream().map(CountryTag::code).distinct().toList());
                    types.put(e.id(), e.agreements().stream().map(t -> t.type().name()).distinct().toList());
                    found.put(e.id(), e.agreements().stream().map(ModernEval::found).toList());
                } else {
                    rejected[0]++;
                }
            });
        }
        Map<String, List<List<String>>> countryGold = new LinkedHashMap<>();
        Map<String, List<List<String>>> typeGold = new LinkedHashMap<>();
        for (String[] cols : rows(goldFile, 3)) {
            countryGold.put(cols[0], items(cols[1], false));
            typeGold.put(cols[0], items(cols[2], true));
        }
        List<PartyRow> partyGold = new ArrayList<>();
        for (String[] cols : rows(partiesFile, 4)) {
            partyGold.add(new PartyRow(cols[0], alternatives(cols[1], true),
                    new TreeSet<>(alternatives(cols[2].replace(',', '|'), false)), alternatives(cols[3], false)));
        }
        out.printf("%s dev set: %d articles from %s (%d unreadable)%s%n", label, found.size(), articles, rejected[0],
                articlesDir.equals(goldDir) ? "" : ", gold from " + goldDir);
        out.println("figure                                   docs  gold  pred  micro P  micro R  micro F1  macro F1");
        EvalCommand.Score countryScore = EvalCommand.Score.of(label + ": countries", countryGold, countries);
        EvalCommand.Score typeScore = EvalCommand.Score.of(label + ": agreement types", typeGold, types);
        out.println(countryScore.line());
        out.println(typeScore.line());
        out.println();
        out.println(label + ": agreement types, per type (gold items counted under their first alternative):");
        out.println(EvalCommand.perType(typeGold, types));
        PartyScore parties = scoreParties(partyGold, found);
        out.printf("%s: status and parties of correctly typed agreements (%d of %d rows typed, %.3f)%n",
                label, parties.typed(), parties.rows(), parties.coverage());
        out.printf("  status accuracy, first matching agreement %.3f, any %.3f%n", parties.statusAccuracy(),
                parties.statusAccuracyAny());
        out.printf("  party countries (%d rows with a non-empty gold set): micro P %.3f  R %.3f  F1 %.3f%n",
                parties.partyRows(), parties.precision(), parties.recall(),
                f1(parties.precision(), parties.recall()));
        out.printf("  party countries, exact set over typed rows %.3f (%d rows with an empty gold set got countries)%n",
                parties.exactAccuracy(), parties.emptyGoldWithPredicted());
        if (worst > 0) {
            for (EvalCommand.Score s : List.of(countryScore, typeScore)) {
                out.println("worst " + worst + ": " + s.name());
                s.worst(worst).forEach(line -> out.println("  " + line));
            }
            out.println("worst " + worst + ": " + label + ": status or party countries (first wrong rows, gold / system)");
            parties.wrong().stream().limit(worst).forEach(line -> out.println("  " + line));
        }
        out.println();
        return true;
    }

    private static Found found(AgreementTag tag) {
        Set<String> codes = new TreeSet<>();
        for (Party p : tag.parties()) {
            if (p.country() != null) {
                codes.add(p.country());
            }
        }
        return new Found(tag.type().name(), tag.status().name(), codes);
    }

    static PartyScore scoreParties(List<PartyRow> gold, Map<String, List<Found>> system) {
        int typed = 0;
        int statusFirst = 0;
        int statusAny = 0;
        int partyRows = 0;
        int tp = 0;
        int predicted = 0;
        int goldCodes = 0;
        int exact = 0;
        int emptyWithPredicted = 0;
        List<String> wrong = new ArrayList<>();
        for (PartyRow row : gold) {
            List<Found> hits = List.of();
            for (String type : row.types()) { // the first alternative the output has
                hits = system.getOrDefault(row.id(), List.of()).stream().filter(f -> f.type().equals(type)).toList();
                if (!hits.isEmpty()) {
                    break;
                }
            }
            if (hits.isEmpty()) {
                continue;
            }
            typed++;
            boolean firstOk = row.statuses().contains(hits.get(0).status());
            statusFirst += firstOk ? 1 : 0;
            statusAny += hits.stream().anyMatch(h -> row.statuses().contains(h.status())) ? 1 : 0;
            Set<String> codes = new TreeSet<>();
            hits.forEach(h -> codes.addAll(h.parties()));
            boolean same = codes.equals(row.parties());
            exact += same ? 1 : 0;
            if (!row.parties().isEmpty()) {
                partyRows++;
                Set<String> both = new TreeSet<>(codes);
                both.retainAll(row.parties());
                tp += both.size();
                predicted += codes.size();
                goldCodes += row.parties().size();
            } else if (!codes.isEmpty()) {
                emptyWithPredicted++;
            }
            if (!(firstOk && same)) {
                wrong.add(String.format("%-28s %-28s gold %s/%s  system %s/%s", row.id(), String.join("|", row.types()),
                        String.join("|", row.statuses()), row.parties().isEmpty() ? "-" : String.join(",", row.parties()),
                        hits.get(0).status(), codes.isEmpty() ? "-" : String.join(",", codes)));
            }
        }
        return new PartyScore(gold.size(), typed, statusFirst, statusAny, partyRows, tp, predicted, goldCodes, exact,
                emptyWithPredicted, List.copyOf(wrong));
    }

    private static double f1(double p, double r) {
        return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? 0 : 2 * p * r / (p + r);
    }

    /** The rows of a TSV with a header, each padded to {@code columns} stripped fields. */
    private static List<String[]> rows(Path file, int columns) {
        try {
            List<String[]> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = Arrays.copyOf(line.split("\t", -1), Math.max(columns, line.split("\t", -1).length));
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = Objects.requireNonNullElse(cols[c], "").strip();
                }
                if (n == 0 && cols[0].equalsIgnoreCase("id")) {
                    continue;
                }
                rows.add(cols);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "A|B,C" as items of alternatives, as score.py parses them. */
    private static List<List<String>> items(String field, boolean type) {
        List<List<String>> items = new ArrayList<>();
        for (String part : field.split(",")) {
            List<String> alternatives = alternatives(part, type);
            if (!alternatives.isEmpty()) {
                items.add(alternatives);
            }
        }
        return items;
    }

    private static List<String> alternatives(String field, boolean type) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : field.split("\\|")) {
            String s = a.strip().toUpperCase();
            if (!s.isEmpty()) {
                out.add(type ? EvalCommand.normType(s) : s);
            }
        }
        return List.copyOf(out);
    }
}
