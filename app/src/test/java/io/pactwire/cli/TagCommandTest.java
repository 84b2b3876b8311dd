package io.pactwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.model.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The `tag` contract: one enriched article per input article, in order; bad input reported, not fatal. */
class TagCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    private int run(String stdin, Map<String, String> environment, String... args) {
        TagCommand command = new TagCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), environment);
        return new CommandLine(command).execute(args);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return lines;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    @Test
    void tagsTheSeedFilesInOrder() throws IOException {
        Path samples = Path.of("../samples");
        int exit = run("", samples.resolve("000_6f954eecf47ae51d.txt").toString(),
                samples.resolve("001_4eb1cc99752fa4f0.txt").toString(), samples.resolve("002_4525720b54dbe636.txt").toString());
        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines).extracting(l -> l.get("sourceUri").asText()).containsExactly(
                samples.resolve("000_6f954eecf47ae51d.txt").toUri().toString(),
                samples.resolve("001_4eb1cc99752fa4f0.txt").toUri().toString(),
                samples.resolve("002_4525720b54dbe636.txt").toUri().toString());
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("id").asText()).isNotBlank();
            assertThat(l.has("title")).isTrue();
            l.get("countries").forEach(c -> assertThat(c.get("code").asText()).matches("[A-Z]{2}"));
        });
        assertThat(texts(lines.get(0).get("countries"), "code")).contains("LU", "CN");
        assertThat(texts(lines.get(1).get("countries"), "code")).contains("LU", "JP");
        assertThat(texts(lines.get(2).get("countries"), "code")).contains("LU", "RU");
        assertThat(texts(lines.get(0).get("agreements"), "type")).contains("MEMORANDUM_OF_UNDERSTANDING");
        assertThat(texts(lines.get(1).get("agreements"), "type")).contains("MEMORANDUM_OF_COOPERATION");
        assertThat(lines.get(0).get("countries").get(0).get("evidence").get(0).get("text").asText()).isNotBlank();
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberAndTheOthersAreStillTagged() throws IOException {
        String stdin = "{\"id\":\"one\",\"title\":\"Japan\",\"body\":\"Japan and China signed a trade agreement.\",\"places\":[]}\n"
                + "{\"id\":\"two\",\"title\":\n"
                + "{\"id\":\"three\",\"title\":\"Chile\",\"dateline\":\"SANTIAGO, Feb 26 -\",\"body\":\"Chile and Peru.\"}\n";
        int exit = run(stdin);
        assertThat(exit).isEqualTo(1);
        assertThat(lines()).extracting(l -> l.get("id").asText()).containsExactly("one", "three");
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("pactwire tag: stdin#line=2: not valid JSON")
                .doesNotContain("\n");
        assertThat(lines().get(0).get("sourceUri").asText()).isEqualTo("stdin#line=1");
        assertThat(texts(lines().get(0).get("agreements"), "type")).containsExactly("TRADE_AGREEMENT");
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndTheRunGoesOn() throws IOException {
        int exit = run("", "does-not-exist.txt", "../samples/000_6f954eecf47ae51d.txt");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does-not-exist.txt: no such file");
        assertThat(lines()).hasSize(1);
    }

    @Test
    void tagsAWebPageThroughIngestsExtraction(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path page = dir.resolve("release.html");
        java.nio.file.Files.writeString(page, "<html><head><title>Ministry</title></head><body><nav><a href=\"/\">Home</a>"
                + " <a href=\"/fr\">Japan desk</a></nav><h1>Luxembourg and Japan sign a memorandum</h1><p>Luxembourg, November 29,"
                + " 2017 – Luxembourg and Japan signed a memorandum of cooperation on space resources today in Tokyo.</p>"
                + "<aside class=\"related\"><p><a href=\"/cn\">Luxembourg and China sign an agreement</a></p></aside></body></html>");
        int exit = run("", page.toString());
        assertThat(exit).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("title").asText()).isEqualTo("Luxembourg and Japan sign a memorandum");
            assertThat(texts(line.get("countries"), "code")).containsExactlyInAnyOrder("LU", "JP");
        });
    }

    @Test
    void explainPrintsEachTagWithItsEvidenceAndRule() {
        String stdin = "{\"id\":\"one\",\"title\":\"Japan and Chile sign trade pact\",\"dateline\":\"TOKYO, March 3, 2021 -\","
                + "\"body\":\"Japan and Chile signed today a free trade agreement. Officials in Santiago welcomed it.\"}\n";
        int exit = run(stdin, "--explain");
        assertThat(exit).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("== one  Japan and Chile sign trade pact\n");
        assertThat(text).contains("   country JP Japan  ABOUT  (3 mentions)\n")
                .contains("      why: about: dateline, title, lead, agreement party, 1 mention in the body\n")
                .contains("      [dateline] DATELINE 0-5 \"TOKYO\"\n")
                .contains("      [city] BODY 66-74 \"Santiago\"\n")
                .contains("   agreement TRADE_AGREEMENT  status SIGNED  date 2021-03-03\n")
                .contains("      parties: Japan (JP); Chile (CL)\n")
                .contains("      [trade.free] BODY 0-52 \"Japan and Chile signed today a free trade agreement.\"\n");
    }

    @Test
    void explainSaysWhyACountryIsNotAboutAndNamesEachAgreementsRule() {
        String stdin = "{\"id\":\"two\",\"title\":\"Trade pact\",\"body\":\"Japan and Chile signed a free trade agreement."
                + " Officials said Peru may join later.\"}\n";
        assertThat(run(stdin, "--explain")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("   country PE Peru  (1 mention)\n      why: not about: 1 mention in the body\n")
                .contains("   country JP Japan  ABOUT  (1 mention)\n      why: about: lead, agreement party, 1 mention in the body\n")
                .contains("   agreement TRADE_AGREEMENT  status SIGNED\n      why: rule trade.free on \"free trade\"; status SIGNED\n");
    }

    @Test
    void explainPrintsARuleMatchThatSpansALineBreakOnOneLine() {
        String stdin = "{\"id\":\"jv\",\"title\":\"Venture\",\"body\":\"Japan's Sony and Sweden's Ericsson formed a joint\\nventure"
                + " in London on Monday.\"}\n";
        assertThat(run(stdin, "--explain")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("      why: rule jv on \"joint venture\"; status ")
                .doesNotContain("joint\nventure\"");
    }

    /** An article of about 2 KB: over a limit of 1 KB, well under the default of 1 MB. */
    private static String longArticle() {
        return "{\"id\":\"long\",\"title\":\"Report\",\"body\":\"" + "Japan and Chile met again. ".repeat(80) + "\"}\n";
    }

    @Test
    void readsTheArticleSizeLimitFromTheEnvironment() throws IOException {
        assertThat(run(longArticle(), Map.of())).isZero();
        assertThat(lines()).extracting(l -> l.get("id").asText()).containsExactly("long");
        out.reset();
        assertThat(run(longArticle(), Map.of("PACTWIRE_INGEST_MAX_ARTICLE_BYTES", "1024"))).isOne();
        assertThat(lines()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pactwire tag: stdin#line=1:").contains("1024");
    }

    @Test
    void readsTheReadingKeysOfAServicesConfigFileAndNeedsNoCluster(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("ingest.properties");
        // the whole service's file: its cluster and producer settings are left alone, its size limit is read
        java.nio.file.Files.writeString(file, "bootstrap.servers=broker.example:9092\nsecurity.protocol=SSL\n"
                + "ingest.client.id=ingest-1\ningest.max.article.bytes=1024\n");
        assertThat(run(longArticle(), Map.of(), "--config", file.toString())).isOne();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pactwire tag: stdin#line=1:").contains("1024");
    }

    @Test
    void aSettingThatIsNoIngestKeyIsAUsageError() {
        CliRun run = CliRun.exec("tag", "--set", "ingest.max.artcle.bytes=1024", "../samples/000_6f954eecf47ae51d.txt");
        assertThat(run.exit()).as(run.toString()).isEqualTo(Pactwire.EXIT_USAGE);
        assertThat(run.err()).contains("ingest.max.artcle.bytes: not a setting of ingest");
        assertThat(run.out()).isEmpty();
    }
}
