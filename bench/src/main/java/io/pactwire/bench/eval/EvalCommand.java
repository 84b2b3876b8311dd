package io.pactwire.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pactwire.config.ConfigInput;
import io.pactwire.config.ConfigScope;
import io.pactwire.enrich.Enricher;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.Input;
import io.pactwire.ingest.InputReader;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Json;
import io.pactwire.tagger.Tagger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Reproduces the tagging figures from the shared evaluation files: the dev set goes through the same
 * path as {@code tag} (JSON lines read by ingest's reader, tagged by the enricher), with the gold fields
 * stripped as {@code articles.py} does, and is scored as {@code score.py} scores it. A dev tool, not part of the
 * shipped CLI: {@code ./pactwire eval} runs it from a source checkout out of the bench jar, as it runs {@code bench}.
 */
@Command(name = "pactwire eval", description = "Tag the shared dev set and print the quality figures, computed as "
        + "score.py computes them: countries (all countries found: recall; the 'about' countries: precision, recall, F1), each for all documents "
        + "and for the non-US documents; agreement types with a per-type table; and the seed articles against "
        + "what shared/seeds/README.md says they report; and the countries of local news (LGL dev half, --geo). "
        + "Reads DIR/dev.jsonl and DIR/agreements_dev.tsv. In the same run, the modern dev set (--modern) and "
        + "our own dev set (--own, gold in eval/own): countries and agreement types as score.py --seeds scores "
        + "them, and the status and party countries of correctly typed agreements as score_parties.py does.")
public final class EvalCommand implements Callable<Integer> {
    /** Exit code for a missing evaluation folder, as for picocli's usage errors. */
    static final int EXIT_USAGE = 2;

    /** What each seed article reports, from shared/seeds/README.md: all its countries, and its agreement types. */
    static final Map<String, List<List<String>>> SEEDS = Map.of(
            "000_6f954eecf47ae51d.txt", List.of(List.of("LU", "CN"),
                    List.of("MEMORANDUM_OF_UNDERSTANDING", "COOPERATION_AGREEMENT")),
            "001_4eb1cc99752fa4f0.txt", List.of(List.of("LU", "JP", "PT", "AE"),
                    List.of("MEMORANDUM_OF_COOPERATION", "COOPERATION_AGREEMENT")),
            "002_4525720b54dbe636.txt", List.of(List.of("LU", "RU", "BE"),
                    List.of("COOPERATION_AGREEMENT", "MEMORANDUM_OF_UNDERSTANDING")));

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--data", paramLabel = "DIR", description = "The evaluation folder (default: ../shared/eval "
            + "next to the repository).")
    Path data;

    @Option(names = "--seeds", paramLabel = "DIR", description = "The seed articles (default: ../shared/seeds next "
            + "to the repository); skipped when the folder is missing.")
    Path seeds;

    @Option(names = "--modern", paramLabel = "DIR", description = "The modern dev set: articles.jsonl, gold.tsv and "
            + "parties.tsv (default: ../shared/eval/modern next to the repository); skipped when the folder is missing.")
    Path modern;

    @Option(names = "--own", paramLabel = "DIR", description = "Our own dev set's articles: DIR/articles.jsonl as "
            + "eval/own/build.py writes it (default: ../eval-own next to the repository), scored against DIR/gold.tsv and "
            + "DIR/parties.tsv when DIR holds both, else against the repository's eval/own; skipped when missing.")
    Path own;

    @Option(names = "--worst", paramLabel = "N", defaultValue = "0", description = "Also list the N worst documents "
            + "of each figure (default: ${DEFAULT-VALUE}).")
    int worst;

    @Option(names = "--geo", paramLabel = "DIR", description = "The local-news set: DIR/lgl-dev.jsonl and "
            + "DIR/lgl-dev_gold.tsv (default: ../shared/eval/geo-dev next to the repository); skipped when missing.")
    Path geo;

    @Option(names = "--save", paramLabel = "DIR", description = "Also write DIR/all.jsonl (every country) and "
            + "DIR/about.jsonl (the 'about' countries), one line per article with its countries and agreement types, "
            + "for score.py --system.")
    Path save;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    EvalCommand() {
        this(System.out, System.err, System.getenv());
    }

    EvalCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvalCommand()).execute(args));
    }

    /** The repository's folder: -Dpactwire.home (set by ./pactwire), else the one holding app/target/pactwire.jar. */
    static Path repository() {
        String home = System.getProperty("pactwire.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        try {
            Path code = Path.of(EvalCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("app"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    @Override
    public Integer call() throws IOException {
        Path dir = data != null ? data : repository().resolve("../shared/eval").normalize();
        Path devFile = dir.resolve("dev.jsonl");
        Path agreementsFile = dir.resolve("agreements_dev.tsv");
        if (!Files.isRegularFile(devFile) || !Files.isRegularFile(agreementsFile)) {
            err.println("pactwire eval: " + dir + " must hold dev.jsonl and agreements_dev.tsv (give another folder with --data)");
            return EXIT_USAGE;
        }
        Map<String, List<List<String>>> countryGold = new LinkedHashMap<>();
        Set<String> nonUs = new LinkedHashSet<>();
        StringBuilder articles = new StringBuilder();
        for (String line : Files.readAllLines(devFile, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode doc = Json.mapper().readTree(line);
            String id = doc.get("id").asText();
            List<List<String>> items = new ArrayList<>();
            doc.path("gold_countries").forEach(alternatives -> {
                List<String> item = new ArrayList<>();
                alternatives.forEach(code -> item.add(code.asText().strip().toUpperCase()));
                if (!items.contains(item)) {
                    items.add(item);
                }
            });
            countryGold.put(id, items);
            boolean usa = false;
            for (JsonNode place : doc.path("places")) {
                usa |= place.asText().equals("usa");
            }
            if (!usa) {
                nonUs.add(id);
            }
            // what articles.py hands the tagger: id, title, dateline and body, nothing of the gold
            ObjectNode input = Json.mapper().createObjectNode();
            for (String field : List.of("id", "title", "dateline", "body")) {
                if (doc.hasNonNull(field) && !doc.get(field).asText().isEmpty()) {
                    input.put(field, doc.get(field).asText());
                }
            }
            articles.append(Json.mapper().writeValueAsString(input)).append('\n');
        }
        Map<String, List<List<String>>> agreementGold = agreementGold(agreementsFile);

        Tagger tagger = Tagger.standard();
        Enricher enricher = new Enricher(tagger, Clock.systemUTC());
        Map<String, List<String>> all = new LinkedHashMap<>();
        Map<String, List<String>> about = new LinkedHashMap<>();
        Map<String, List<String>> types = new LinkedHashMap<>();
        long started = System.nanoTime();
        InputReader reader = new InputReader(maxArticleBytes(), Clock.systemUTC());
        int[] rejected = {0};
        reader.readJsonLines(new ByteArrayInputStream(articles.toString().getBytes(StandardCharsets.UTF_8)), devFile.toString(),
                input -> {
                    if (input instanceof Input.Article a) {
                        EnrichedArticle e = enricher.enrich(a.article());
                        all.put(e.id(), e.countries().stream().map(CountryTag::code).distinct().toList());
                        about.put(e.id(), e.countries().stream().filter(CountryTag::about).map(CountryTag::code).distinct().toList());
                        types.put(e.id(), e.agreements().stream().map(t -> t.type().name()).distinct().toList());
                    } else {
                        rejected[0]++;
                    }
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("pactwire eval: %d articles from %s tagged in %.1f s (%d unreadable); tagger %s, gazetteer %s, rules %s%n",
                all.size(), devFile, seconds, rejected[0], tagger.versions().tagger(), tagger.versions().gazetteer(),
                tagger.versions().rules());
        out.println();
        out.println("figure                                   docs  gold  pred  micro P  micro R  micro F1  macro F1");
        Map<String, List<List<String>>> nonUsGold = new LinkedHashMap<>(countryGold);
        nonUsGold.keySet().retainAll(nonUs);
        List<Score> scores = new ArrayList<>(List.of(
                Score.of("countries, all found (recall is the figure)", countryGold, all),
                Score.of("countries, all found, non-US docs", nonUsGold, all),
                Score.of("countries, about", countryGold, about),
                Score.of("countries, about, non-US docs", nonUsGold, about),
                Score.of("agreement types", agreementGold, types)));
        Path geoDir = geo != null ? geo : repository().resolve("../shared/eval/geo-dev").normalize();
        Score local = geo(geoDir, enricher, reader);
        if (local != null) {
            scores.add(local);
        }
        for (Score s : scores) {
            out.println(s.line());
        }
        out.println();
        out.println("agreement types, per type (gold items counted under their first alternative):");
        out.println(perType(agreementGold, types));
        if (worst > 0) {
            for (Score s : scores) {
                out.println("worst " + worst + ": " + s.name);
                s.worst(worst).forEach(line -> out.println("  " + line));
            }
            out.println();
        }
        ModernEval.run(modern != null ? modern : repository().resolve("../shared/eval/modern").normalize(), tagger,
                maxArticleBytes(), worst, out);
        Path ownDir = own != null ? own : repository().resolve("../eval-own").normalize();
        // the gold is versioned in the repository; a folder that carries its own (a copy, a test) takes precedence
        Path ownGold = Files.isRegularFile(ownDir.resolve("gold.tsv")) && Files.isRegularFile(ownDir.resolve("parties.tsv"))
                ? ownDir : repository().resolve("eval/own");
        ModernEval.run("own", ownDir, ownGold, tagger, maxArticleBytes(), worst, out);
        int seedFailures = seeds(tagger);
        if (save != null) {
            Files.createDirectories(save);
            write(save.resolve("all.jsonl"), all, types);
            write(save.resolve("about.jsonl"), about, types);
            out.println("wrote " + save.resolve("all.jsonl") + " and " + save.resolve("about.jsonl"));
        }
        return seedFailures == 0 ? 0 : 1;
    }

    /**
     * The local-news figure: LGL's dev half (id, title, body per line) tagged through the same path, all
     * the countries found scored against the countries of its annotated toponyms; null when the folder
     * lacks the files.
     */
    private Score geo(Path dir, Enricher enricher, InputReader reader) throws IOException {
        Path articlesFile = dir.resolve("lgl-dev.jsonl");
        Path goldFile = dir.resolve("lgl-dev_gold.tsv");
        if (!Files.isRegularFile(articlesFile) || !Files.isRegularFile(goldFile)) {
            out.println("local news: " + dir + " lacks lgl-dev.jsonl or lgl-dev_gold.tsv, skipped");
            return null;
        }
        Map<String, List<List<String>>> gold = agreementGold(goldFile); // the same id<TAB>codes layout
        gold.replaceAll((id, items) -> items.stream().map(item -> item.stream().map(c -> c.replace('_', '-')).toList()).toList());
        Map<String, List<String>> found = new LinkedHashMap<>();
        int[] rejected = {0};
        try (var in = Files.newInputStream(articlesFile)) {
            reader.readJsonLines(in, articlesFile.toString(), input -> {
                if (input instanceof Input.Article a) {
                    EnrichedArticle e = enricher.enrich(a.article());
                    found.put(e.id(), e.countries().stream().map(CountryTag::code).distinct().toList());
                } else {
                    rejected[0]++;
                }
            });
        }
        if (rejected[0] > 0) {
            out.println("local news: " + rejected[0] + " unreadable articles in " + articlesFile);
        }
        return Score.of("countries, LGL dev local news, all found", gold, found);
    }

    /** Tags the seed files through the same path as {@code tag FILE} and compares with what they report. */
    private int seeds(Tagger tagger) {
        Path dir = seeds != null ? seeds : repository().resolve("../shared/seeds").normalize();
        if (!Files.isDirectory(dir)) {
            out.println("seeds: " + dir + " not found, skipped");
            return 0;
        }
        out.println("seeds (" + dir + "): all countries and agreement types, as shared/seeds/README.md describes");
        Enricher enricher = new Enricher(tagger, Clock.systemUTC());
        InputReader reader = new InputReader(maxArticleBytes(), Clock.systemUTC());
        int[] failures = {0};
        for (Map.Entry<String, List<List<String>>> seed : new TreeMap<>(SEEDS).entrySet()) {
            Path file = dir.resolve(seed.getKey());
            reader.read(List.of(file), input -> {
                if (input instanceof Input.Article a) {
                    EnrichedArticle e = enricher.enrich(a.article());
                    Set<String> countries = e.countries().stream().map(CountryTag::code).collect(Collectors.toCollection(java.util.TreeSet::new));
                    Set<String> found = e.agreements().stream().map(AgreementTag::type).map(Enum::name)
                            .collect(Collectors.toCollection(java.util.TreeSet::new));
                    Set<String> wantCountries = new java.util.TreeSet<>(seed.getValue().get(0));
                    Set<String> wantTypes = new java.util.TreeSet<>(seed.getValue().get(1));
                    boolean ok = countries.equals(wantCountries) && found.equals(wantTypes);
                    failures[0] += ok ? 0 : 1;
                    out.printf("  %-26s %-4s countries %s%s; types %s%s%n", seed.getKey(), ok ? "ok" : "DIFF", countries,
                            countries.equals(wantCountries) ? "" : " (want " + wantCountries + ")", found,
                            found.equals(wantTypes) ? "" : " (want " + wantTypes + ")");
                } else {
                    failures[0]++;
                    out.println("  " + seed.getKey() + " unreadable: " + input);
                }
            });
        }
        return failures[0];
    }

    private static void write(Path file, Map<String, List<String>> countries, Map<String, List<String>> types) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, List<String>> e : countries.entrySet()) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("id", e.getKey());
            e.getValue().forEach(line.putArray("countries")::add);
            if (e.getValue().isEmpty()) {
                line.putArray("countries");
            }
            line.putArray("agreementTypes");
            types.getOrDefault(e.getKey(), List.of()).forEach(((com.fasterxml.jackson.databind.node.ArrayNode) line.get("agreementTypes"))::add);
            lines.append(Json.mapper().writeValueAsString(line)).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
    }

    /** id -> gold items, each a list of alternatives, from an agreements TSV (score.py's format). */
    static Map<String, List<List<String>>> agreementGold(Path file) {
        try {
            Map<String, List<List<String>>> gold = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (n == 0 && cols[0].strip().equalsIgnoreCase("id")) {
                    continue;
                }
                List<List<String>> items = new ArrayList<>();
                for (String part : (cols.length > 1 ? cols[1] : "").split(",")) {
                    List<String> alternatives = Arrays.stream(part.split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
                            .map(EvalCommand::normType).toList();
                    if (!alternatives.isEmpty()) {
                        items.add(alternatives);
                    }
                }
                gold.put(cols[0].strip(), items);
            }
            return gold;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A type as score.py normalises it: upper case, '-' and ' ' as '_', and its short forms (MOU, MOC, LOI, JV). */
    static String normType(String type) {
        String t = type.strip().toUpperCase().replace('-', '_').replace(' ', '_');
        return switch (t) {
            case "MOU" -> "MEMORANDUM_OF_UNDERSTANDING";
            case "MOC" -> "MEMORANDUM_OF_COOPERATION";
            case "LOI" -> "LETTER_OF_INTENT";
            case "JV" -> "JOINT_VENTURE";
            default -> t;
        };
    }

    static String perType(Map<String, List<List<String>>> gold, Map<String, List<String>> system) {
        Map<String, int[]> stats = new TreeMap<>(); // gold, tp, pred, fp
        gold.forEach((id, items) -> {
            List<String> pred = system.getOrDefault(id, List.of());
            Set<String> allowed = items.stream().flatMap(List::stream).collect(Collectors.toSet());
            for (List<String> item : items) {
                int[] s = stats.computeIfAbsent(item.get(0), k -> new int[4]);
                s[0]++;
                if (item.stream().anyMatch(pred::contains)) {
                    s[1]++;
                }
            }
            for (String p : pred) {
                int[] s = stats.computeIfAbsent(p, k -> new int[4]);
                s[2]++;
                if (!allowed.contains(p)) {
                    s[3]++;
                }
            }
        });
        StringBuilder table = new StringBuilder(String.format("  %-30s %5s %5s %5s %5s %6s %6s %6s%n", "type", "gold", "tp",
                "pred", "fp", "P", "R", "F1"));
        stats.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).forEach(e -> {
            int[] s = e.getValue();
            double p = s[2] == 0 ? Double.NaN : (s[2] - s[3]) / (double) s[2];
            double r = s[0] == 0 ? Double.NaN : s[1] / (double) s[0];
            table.append(String.format("  %-30s %5d %5d %5d %5d %6s %6s %6s%n", e.getKey(), s[0], s[1], s[2], s[3],
                    Double.isNaN(p) ? "-" : String.format("%.2f", p), Double.isNaN(r) ? "-" : String.format("%.2f", r),
                    Double.isNaN(p) || Double.isNaN(r) ? "-" : String.format("%.2f", Score.f1(p, r))));
        });
        return table.toString().stripTrailing();
    }

    /**
     * The largest article read, as {@code tag} reads it: ingest's {@code ingest.max.article.bytes}, its default unless
     * the environment sets it ({@code PACTWIRE_INGEST_MAX_ARTICLE_BYTES}); no other setting, no cluster.
     */
    private long maxArticleBytes() {
        return ConfigScope.of("ingest", IngestConfig.definition(), List.of(IngestConfig.MAX_ARTICLE_BYTES),
                ConfigInput.load(Optional.empty(), environment, Map.of())).getLong(IngestConfig.MAX_ARTICLE_BYTES);
    }

    /**
     * score.py's metrics: a gold item is matched when any of its alternatives is predicted; a predicted
     * code is a false positive when it is in no gold item of its document; a document missing from the
     * system's output counts as predicting nothing; macro F1 is 1.0 for a document where both are empty.
     */
    record Score(String name, int documents, int gold, int predicted, int matchedGold, int truePredicted,
                 double macroF1, List<String> worstDocuments) {

        static Score of(String name, Map<String, List<List<String>>> gold, Map<String, List<String>> system) {
            int goldItems = 0;
            int predicted = 0;
            int matched = 0;
            int truePredicted = 0;
            double macro = 0;
            List<Object[]> rows = new ArrayList<>();
            for (Map.Entry<String, List<List<String>>> doc : gold.entrySet()) {
                List<List<String>> items = doc.getValue();
                List<String> pred = system.getOrDefault(doc.getKey(), List.of());
                Set<String> allowed = items.stream().flatMap(List::stream).collect(Collectors.toSet());
                long m = items.stream().filter(item -> item.stream().anyMatch(pred::contains)).count();
                long tp = pred.stream().filter(allowed::contains).count();
                goldItems += items.size();
                predicted += pred.size();
                matched += (int) m;
                truePredicted += (int) tp;
                double f1;
                if (items.isEmpty() && pred.isEmpty()) {
                    f1 = 1.0;
                } else if (items.isEmpty() || pred.isEmpty()) {
                    f1 = 0.0;
                } else {
                    f1 = f1(tp / (double) pred.size(), m / (double) items.size());
                }
                macro += f1;
                rows.add(new Object[] {f1, doc.getKey(), items, pred});
            }
            rows.sort((a, b) -> Double.compare((double) a[0], (double) b[0]));
            List<String> worst = rows.stream()
                    .map(r -> String.format("%-16s F1 %.2f  gold=%s  pred=%s", r[1], (double) r[0], r[2], r[3])).toList();
            return new Score(name, gold.size(), goldItems, predicted, matched, truePredicted,
                    gold.isEmpty() ? 0 : macro / gold.size(), worst);
        }

        double precision() {
            return predicted == 0 ? (gold == 0 ? 1.0 : 0.0) : truePredicted / (double) predicted;
        }

        double recall() {
            return gold == 0 ? 1.0 : matchedGold / (double) gold;
        }

        double f1() {
            return f1(precision(), recall());
        }

        static double f1(double p, double r) {
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String line() {
            return String.format("%-40s %5d %5d %5d  %7.3f  %7.3f  %8.3f  %8.3f", name, documents, gold, predicted,
                    precision(), recall(), f1(), macroF1);
        }

        List<String> worst(int n) {
            return worstDocuments.subList(0, Math.min(n, worstDocuments.size()));
        }
    }
}
