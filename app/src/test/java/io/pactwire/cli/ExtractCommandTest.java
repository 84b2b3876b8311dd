package io.pactwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The `extract` contract: one JSON line per article with the fields ingest extracts; bad input reported. */
class ExtractCommandTest {
    private static final Path SAMPLES = Path.of("../samples");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, Map<String, String> environment, String... args) {
        ExtractCommand command = new ExtractCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
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

    @Test
    void printsOneLinePerSeedWithItsFieldsAndTheCleanMainText() throws IOException {
        int exit = run("", Map.of(), SAMPLES.toString());
        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("sourceUri", "url", "title", "publishedAt", "dateline", "language", "text");
        assertThat(first.get("sourceUri").asText()).isEqualTo(SAMPLES.resolve("000_6f954eecf47ae51d.txt").toUri().toString());
        assertThat(first.get("title").asText()).startsWith("Luxembourg cooperates with China");
        assertThat(first.get("publishedAt").asText()).isEqualTo("2018-01-16");
        assertThat(first.get("dateline").asText()).isEqualTo("Luxembourg, January 16, 2018");
        assertThat(first.get("text").asText()).startsWith("The National Space Science Center").doesNotContain("Media contact");
        assertThat(lines.get(1).get("text").asText()).doesNotContain("Read more", "Fermer", "Resources all news");
        assertThat(lines.get(2).get("text").asText()).doesNotContain("Photo credit", "Read full article");
    }

    @Test
    void readsAWebPageFromStdinAndTheDateOrderFromTheEnvironment() throws IOException {
        String html = "<html lang=\"fr\"><head><title>Accord signé</title></head><body><nav><a href=\"/\">Accueil</a></nav>"
                + "<article><p>Luxembourg, 08-10-2025 – Le ministère a signé un accord de coopération avec ses partenaires,"
                + " a-t-il annoncé mardi.</p></article></body></html>";
        int exit = run(html, Map.of("PACTWIRE_INGEST_DATE_ORDER", "MDY"));
        assertThat(exit).isZero();
        JsonNode line = lines().get(0);
        assertThat(line.get("sourceUri").asText()).isEqualTo("stdin");
        assertThat(line.get("language").asText()).isEqualTo("fr");
        assertThat(line.get("publishedAt").asText()).isEqualTo("2025-08-10");
        assertThat(line.get("text").asText()).startsWith("Le ministère a signé").doesNotContain("Accueil");
    }

    @Test
    void reportsEachBadInputWithItsReasonAndGoesOn(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.html");
        Files.writeString(empty, "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        int exit = run("", Map.of(), empty.toString(), "ftp://files.example/a.html", "http://10.0.0.1/",
                SAMPLES.resolve("002_4525720b54dbe636.txt").toString());
        assertThat(exit).isOne();
        assertThat(lines()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "pactwire extract: " + empty.toUri() + ": no article text",
                "pactwire extract: ftp://files.example/a.html: unsupported scheme ftp:; only http and https URLs are fetched",
                "pactwire extract: http://10.0.0.1/: refused: 10.0.0.1 is a loopback or private-network address");
    }

    @Test
    void readsTheDateOrderOfAServicesConfigFileWithoutItsCluster(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, "bootstrap.servers=broker.example:9092\nlinger.ms=5\ningest.date.order=MDY\n");
        int exit = run("Luxembourg, 08-10-2025 – The ministry signed a cooperation agreement with its partners.", Map.of(),
                "--config", file.toString());
        assertThat(exit).isZero();
        assertThat(lines().get(0).get("publishedAt").asText()).isEqualTo("2025-08-10");
    }
}
