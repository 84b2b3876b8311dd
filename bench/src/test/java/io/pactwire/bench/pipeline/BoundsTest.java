package io.pactwire.bench.pipeline;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.enrich.Enricher;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounds the pipeline benchmark measures beside the ceilings: they do the work they stand for, and no more. */
class BoundsTest {

    @Test
    void readTagAndWriteWritesTheResultTheEnricherWrites() {
        RawArticle article = RawArticle.of("lux-japan", "Luxembourg and Japan sign memorandum",
                "Luxembourg and Japan signed a memorandum of cooperation on space resources in Tokyo.");
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
        Tagger tagger = Tagger.standard();
        try (TopologyTestDriver driver = new TopologyTestDriver(ReadAndTagTopology.buildWritingResults(tagger, clock))) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.RAW.name(), new ByteArraySerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(ReadAndTagTopology.RESULTS_OUTPUT,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            in.pipeInput("lux-japan".getBytes(StandardCharsets.UTF_8), Serdes.RAW_ARTICLE.serialize(Topics.RAW.name(), article));
            EnrichedArticle result = Serdes.ENRICHED_ARTICLE.deserialize(Topics.ENRICHED.name(), out.readValue());
            assertThat(result).isEqualTo(new Enricher(tagger, clock).enrich(article));
            assertThat(result.countries()).extracting(CountryTag::code).contains("LU", "JP");
            assertThat(result.agreements()).isNotEmpty();
            assertThat(out.isEmpty()).isTrue();
        }
    }

    @Test
    void rewritingAJsonLineWritesTheSameJsonBack() throws Exception {
        byte[] line = "{\"id\":\"x\",\"title\":\"T\\nU\",\"n\":7,\"ok\":true,\"none\":null,\"body\":\"h\u00e9llo \\\"q\\\"\",\"tags\":[\"ab\",{\"k\":1.5}]}"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayBuilder out = new ByteArrayBuilder();
        out.write(new byte[100]); // what an earlier line left is not kept
        int written = BenchArticles.rewrite(line, out);
        ObjectMapper json = new ObjectMapper();
        assertThat(written).isEqualTo(out.size());
        assertThat(json.readTree(out.toByteArray())).isEqualTo(json.readTree(line));
    }

    @Test
    void readingAJsonLineMakesEveryStringValueAString() {
        byte[] line = "{\"id\":\"x\",\"title\":\"T\\nU\",\"n\":7,\"body\":\"h\u00e9llo\",\"tags\":[\"ab\"]}".getBytes(StandardCharsets.UTF_8);
        assertThat(BenchArticles.readStrings(line)).isEqualTo("x".length() + "T\nU".length() + "h\u00e9llo".length() + "ab".length());
    }

    @Test
    void aRunsJsonLinesAreTheArticlesIngestMakes(@TempDir Path dir) throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        Files.writeString(samples.resolve("a.txt"), "Luxembourg and Japan signed a memorandum of cooperation.");
        BenchArticles corpus = BenchArticles.load(dir.resolve("no-corpus.jsonl"), samples);
        Path file = dir.resolve("run.jsonl");
        corpus.writeJsonLines("p-", 3, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(lines.get(i)).isEqualTo(new String(corpus.jsonLine("p-", i), StandardCharsets.UTF_8))
                    .contains("\"id\":\"p-" + i + "\"");
        }
        assertThat(lines.get(1)).as("varied after the first round").contains("(1)");
    }
}
