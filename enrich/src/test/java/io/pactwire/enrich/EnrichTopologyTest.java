package io.pactwire.enrich;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.AgreementRecord;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Versions;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import io.pactwire.tagger.Tags;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00Z");

    /** The standard tagger, whose versions a test can change to simulate a rules release. */
    private static final class VersionedTagger implements Tagger {
        final Tagger delegate = Tagger.standard();
        final AtomicReference<Versions> versions = new AtomicReference<>(delegate.versions());

        @Override
        public Tags tag(ArticleText article) {
            return delegate.tag(article);
        }

        @Override
        public Versions versions() {
            return versions.get();
        }
    }

    private final VersionedTagger tagger = new VersionedTagger();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, AgreementRecord> agreements;

    private void start(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("bootstrap.servers", "unused:9092"));
        all.putAll(settings);
        EnrichConfig config = new EnrichConfig(ConfigInput.of(all));
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        driver = new TopologyTestDriver(EnrichTopology.build(config, tagger, Clock.fixed(NOW, ZoneOffset.UTC), EnrichLimits.of(config)), props);
        raw = driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
        rawBytes = driver.createInputTopic(Topics.RAW.name(), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        agreements = driver.createOutputTopic(Topics.AGREEMENTS.name(), Topics.AGREEMENTS.keySerde().deserializer(),
                Topics.AGREEMENTS.valueSerde().deserializer());
    }

    @BeforeEach
    void startDefault() {
        start(Map.of());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static RawArticle luJp() {
        return RawArticle.of("lu-jp", "Luxembourg and Japan sign a memorandum of cooperation",
                        "The Government of Luxembourg and the Cabinet Office of Japan signed today a memorandum of cooperation.")
                .withDateline("Luxembourg, November 29, 2017").withPublishedAt("2017-11-29");
    }

    private double counter(String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(EnrichProcessor.METRICS_GROUP) && e.getKey().name().equals(name))
                .map(Map.Entry::getValue).mapToDouble(m -> ((Number) ((Metric) m).metricValue()).doubleValue()).sum();
    }

    @Test
    void tagsEachRawArticleAndStampsVersionsAndContentHash() {
        RawArticle article = luJp();
        raw.pipeInput("lu-jp", article);

        TestRecord<String, EnrichedArticle> result = enriched.readRecord();
        assertThat(result.key()).isEqualTo("lu-jp");
        EnrichedArticle value = result.value();
        assertThat(value.id()).isEqualTo("lu-jp");
        assertThat(value.title()).isEqualTo(article.title());
        assertThat(value.dateline()).isEqualTo(article.dateline());
        assertThat(value.publishedAt()).isEqualTo("2017-11-29");
        assertThat(value.countries()).extracting(CountryTag::code).contains("LU", "JP");
        assertThat(value.versions()).isEqualTo(tagger.versions());
        assertThat(value.contentHash()).isEqualTo(article.contentHash());
        assertThat(value.revision()).isEqualTo(1);
        assertThat(value.enrichedAt()).isEqualTo(NOW);
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(counter("enriched-total")).isEqualTo(1.0);
        assertThat(counter("tagged-total")).isEqualTo(1.0);
        assertThat(counter("tagging-time-ns-total")).isPositive();
    }

    @Test
    void resultsCarryNoneOfTheRawRecordsHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("pactwire.content-hash", luJp().contentHash().getBytes(StandardCharsets.US_ASCII));
        headers.add("pactwire.revision", "1".getBytes(StandardCharsets.US_ASCII));
        raw.pipeInput(new TestRecord<>("lu-jp", luJp(), headers, NOW));

        assertThat(enriched.readRecord().headers().toArray()).isEmpty();
        List<TestRecord<String, AgreementRecord>> rows = agreements.readRecordsToList();
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.headers().toArray()).isEmpty());
    }

    @Test
    void writesOneRecordPerAgreementKeyedByAStableId() {
        raw.pipeInput("lu-jp", luJp());
        List<KeyValue<String, AgreementRecord>> rows = agreements.readKeyValuesToList();
        assertThat(rows).hasSize(1);
        AgreementRecord row = rows.get(0).value;
        assertThat(rows.get(0).key).isEqualTo(row.agreementId()).startsWith("lu-jp:MEMORANDUM_OF_COOPERATION:");
        assertThat(row.type()).isEqualTo(AgreementType.MEMORANDUM_OF_COOPERATION);
        assertThat(row.articleId()).isEqualTo("lu-jp");
        assertThat(row.articleTitle()).isEqualTo(luJp().title());
        assertThat(row.publishedAt()).isEqualTo("2017-11-29");
        assertThat(row.versions()).isEqualTo(tagger.versions());
        assertThat(row.evidence()).isNotEmpty();
    }

    @Test
    void anUnchangedArticleIsNotTaggedAgain() {
        raw.pipeInput("lu-jp", luJp());
        raw.pipeInput("lu-jp", luJp().withIngestedAt(NOW));
        assertThat(enriched.readKeyValuesToList()).hasSize(1);
        assertThat(agreements.readKeyValuesToList()).hasSize(1);
        assertThat(counter("skipped-unchanged-total")).isEqualTo(1.0);
        assertThat(counter("enriched-total")).isEqualTo(1.0);
    }

    @Test
    void changedContentIsTaggedAgain() {
        raw.pipeInput("lu-jp", luJp());
        RawArticle revised = new RawArticle("lu-jp", null, null, luJp().title(), luJp().body() + " Japan welcomed it.",
                null, null, null, null, 2, null);
        raw.pipeInput("lu-jp", revised);
        List<EnrichedArticle> results = enriched.readValuesToList();
        assertThat(results).extracting(EnrichedArticle::revision).containsExactly(1, 2);
        assertThat(results.get(1).contentHash()).isEqualTo(revised.contentHash()).isNotEqualTo(results.get(0).contentHash());
    }

    @Test
    void aRulesChangeReTagsEverything() {
        raw.pipeInput("lu-jp", luJp());
        raw.pipeInput("other", RawArticle.of("other", "Chile", "Chile and Peru signed a trade agreement."));
        tagger.versions.set(new Versions("dictionary-2", tagger.delegate.versions().gazetteer(), "phrases-2"));
        raw.pipeInput("lu-jp", luJp());
        raw.pipeInput("other", RawArticle.of("other", "Chile", "Chile and Peru signed a trade agreement."));
        List<EnrichedArticle> results = enriched.readValuesToList();
        assertThat(results).hasSize(4);
        assertThat(results.subList(2, 4)).allSatisfy(r -> assertThat(r.versions().rules()).isEqualTo("phrases-2"));
        assertThat(counter("skipped-unchanged-total")).isZero();
    }

    @Test
    void anAgreementNoLongerFoundGetsATombstone() {
        raw.pipeInput("lu-jp", luJp());
        String agreementId = agreements.readKeyValuesToList().get(0).key;
        RawArticle withoutAgreement = RawArticle.of("lu-jp", "Luxembourg and Japan", "Officials of Luxembourg and Japan met.");
        raw.pipeInput("lu-jp", withoutAgreement);
        List<KeyValue<String, AgreementRecord>> rows = agreements.readKeyValuesToList();
        assertThat(rows).containsExactly(new KeyValue<>(agreementId, null));
    }

    @Test
    void aTombstoneRetractsTheArticleAndItsAgreements() {
        raw.pipeInput("lu-jp", luJp());
        String agreementId = agreements.readKeyValuesToList().get(0).key;
        enriched.readRecord();
        raw.pipeInput("lu-jp", (RawArticle) null);
        assertThat(enriched.readKeyValuesToList()).containsExactly(new KeyValue<>("lu-jp", null));
        assertThat(agreements.readKeyValuesToList()).containsExactly(new KeyValue<>(agreementId, null));
        assertThat(counter("retracted-total")).isEqualTo(1.0);

        raw.pipeInput("lu-jp", luJp());
        assertThat(enriched.readValuesToList()).as("a retracted article published again is tagged again").hasSize(1);
    }

    @Test
    void aTombstoneForAnUnknownArticlePassesThrough() {
        raw.pipeInput("never-seen", (RawArticle) null);
        assertThat(enriched.readKeyValuesToList()).containsExactly(new KeyValue<>("never-seen", null));
        assertThat(agreements.isEmpty()).isTrue();
    }

    @Test
    void recordsThatCannotBeEnrichedDoNotStopTheStream() {
        // Where their dead letters go is shown on a real broker (EnricherIT): the test driver does not
        // deliver what the exception handlers ask to produce.
        close();
        start(Map.of(EnrichConfig.MAX_BODY_CHARS, "200", EnrichConfig.MAX_RESULT_BYTES, "2000"));
        rawBytes.pipeInput("bad".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"bad\",\"title\":\"no body\"}".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput("mismatch", RawArticle.of("other-id", "t", "Text about Chile."));
        raw.pipeInput("long", RawArticle.of("long", "t", "x".repeat(201)));
        raw.pipeInput("huge-result", RawArticle.of("huge-result", "t", "Japan ".repeat(33)));
        raw.pipeInput("good", RawArticle.of("good", "Title", "Text about Chile."));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good");
    }

    @Test
    void theLengthLimitCoversTitleAndDatelineNotOnlyTheBody() {
        assertThat(EnrichDecision.tooLongToTag(RawArticle.of("a", "t", "x".repeat(101)), 100))
                .hasValue("body has 101 characters, over the limit of 100 (enrich.max.body.chars)");
        assertThat(EnrichDecision.tooLongToTag(RawArticle.of("a", "t".repeat(100), "b"), 100))
                .hasValue("title, dateline and body have 101 characters, over the limit of 100 (enrich.max.body.chars)");
        assertThat(EnrichDecision.tooLongToTag(RawArticle.of("a", "t", "b").withDateline("d".repeat(99)), 100))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("title, dateline and body have 101 characters"));
        assertThat(EnrichDecision.tooLongToTag(RawArticle.of("a", "t".repeat(50), "b".repeat(50)), 100)).isEmpty();
    }

    @Test
    void aHugeTitleIsNotTagged() {
        close();
        start(Map.of(EnrichConfig.MAX_BODY_CHARS, "200"));
        raw.pipeInput("huge-title", RawArticle.of("huge-title", "Japan ".repeat(100), "Text about Chile."));
        raw.pipeInput("good", RawArticle.of("good", "Title", "Text about Chile."));
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("good");
    }

    @Test
    void everyNodeAndTheStoreAreExplicitlyNamed() {
        EnrichConfig config = new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "unused:9092")));
        TopologyDescription description = EnrichTopology.build(config, tagger, Clock.systemUTC(), EnrichLimits.of(config))
                .describe();
        assertThat(description.subtopologies()).singleElement().satisfies(sub -> assertThat(sub.nodes())
                .extracting(TopologyDescription.Node::name)
                .containsExactlyInAnyOrder("read-raw", "enrich-article", "write-enriched", "write-agreements"));
        assertThat(description.toString()).contains("stores: [last-results]");
    }
}
