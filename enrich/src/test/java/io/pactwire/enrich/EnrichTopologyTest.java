package io.pactwire.enrich;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;

    @BeforeEach
    void start() {
        Tagger tagger = Tagger.standard();
        EnrichConfig config = new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "unused:9092")));
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        driver = new TopologyTestDriver(EnrichTopology.build(new Enricher(tagger, Clock.fixed(NOW, ZoneOffset.UTC))), props);
        raw = driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
        rawBytes = driver.createInputTopic(Topics.RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void tagsEachRawArticleAndStampsVersionsAndContentHash() {
        RawArticle article = RawArticle.of("lu-jp", "Luxembourg and Japan sign a memorandum of cooperation",
                "The Government of Luxembourg and the Cabinet Office of Japan signed today a memorandum of cooperation.")
                .withDateline("Luxembourg, November 29, 2017").withPublishedAt("2017-11-29");
        raw.pipeInput("lu-jp", article);

        TestRecord<String, EnrichedArticle> result = enriched.readRecord();
        assertThat(result.key()).isEqualTo("lu-jp");
        EnrichedArticle value = result.value();
        assertThat(value.id()).isEqualTo("lu-jp");
        assertThat(value.title()).isEqualTo(article.title());
        assertThat(value.dateline()).isEqualTo(article.dateline());
        assertThat(value.publishedAt()).isEqualTo("2017-11-29");
        assertThat(value.countries()).extracting(CountryTag::code).containsExactly("LU", "JP");
        assertThat(value.agreements()).extracting(AgreementTag::type).containsExactly(AgreementType.MEMORANDUM_OF_COOPERATION);
        assertThat(value.versions()).isEqualTo(Tagger.standard().versions());
        assertThat(value.contentHash()).isEqualTo(article.contentHash());
        assertThat(value.revision()).isEqualTo(1);
        assertThat(value.enrichedAt()).isEqualTo(NOW);
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void aTombstonePassesThroughAsATombstone() {
        raw.pipeInput("gone", (RawArticle) null);
        TestRecord<String, EnrichedArticle> result = enriched.readRecord();
        assertThat(result.key()).isEqualTo("gone");
        assertThat(result.value()).isNull();
    }

    @Test
    void aPoisonPillDoesNotStopTheStream() {
        // Where the dead letter goes is shown on a real broker (EnricherIT): the test driver does not
        // deliver what the deserialization handler asks to produce.
        byte[] poison = "{\"id\":\"bad\",\"title\":\"no body\"}".getBytes(StandardCharsets.UTF_8);
        rawBytes.pipeInput("bad".getBytes(StandardCharsets.UTF_8), poison);
        raw.pipeInput("good", RawArticle.of("good", "Title", "Text about Chile."));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good");
    }
}
