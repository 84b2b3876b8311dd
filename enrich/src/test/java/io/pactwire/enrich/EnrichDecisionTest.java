package io.pactwire.enrich;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.model.Versions;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The enricher's decision for one record, without Kafka: the real tagger, no broker, no topology. */
class EnrichDecisionTest {
    private static final Tagger TAGGER = Tagger.standard();
    private static final Versions VERSIONS = TAGGER.versions();
    private static final EnrichLimits LIMITS = new EnrichLimits(10_000, 100_000);
    private static final Enricher ENRICHER = new Enricher(TAGGER, Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC));

    private final AtomicInteger taggings = new AtomicInteger();
    private final Function<RawArticle, EnrichedArticle> tag = raw -> {
        taggings.incrementAndGet();
        return ENRICHER.enrich(raw);
    };

    private static RawArticle luJp() {
        return RawArticle.of("lu-jp", "Luxembourg and Japan sign a memorandum of cooperation",
                        "The Government of Luxembourg and the Cabinet Office of Japan signed today a memorandum of cooperation.")
                .withDateline("Luxembourg, November 29, 2017");
    }

    private EnrichDecision decide(String id, RawArticle raw, LastResult last) {
        return EnrichDecision.decide(id, raw, last, VERSIONS, tag, LIMITS);
    }

    @Test
    void aNewArticleIsTaggedAndWrittenWithItsAgreementsAndRemembered() {
        EnrichDecision decision = decide("lu-jp", luJp(), null);
        assertThat(decision).isInstanceOfSatisfying(EnrichDecision.Write.class, write -> {
            EnrichedArticle written = Serdes.ENRICHED_ARTICLE.deserialize(Topics.ENRICHED.name(), write.value());
            assertThat(written).isEqualTo(write.result());
            assertThat(written.contentHash()).isEqualTo(luJp().contentHash());
            assertThat(write.agreements()).singleElement().satisfies(agreement -> {
                AgreementRecord record = Serdes.AGREEMENT_RECORD.deserialize(Topics.AGREEMENTS.name(), agreement.value());
                assertThat(agreement.id()).isEqualTo(record.agreementId()).startsWith("lu-jp:MEMORANDUM_OF_COOPERATION:");
            });
            assertThat(write.agreementTombstones()).isEmpty();
            assertThat(write.remember()).isEqualTo(new LastResult(luJp().contentHash(), VERSIONS,
                    List.of(write.agreements().get(0).id())));
        });
        assertThat(taggings).hasValue(1);
    }

    @Test
    void anArticleWithTheContentAndVersionsOfItsLastResultIsSkippedUntagged() {
        LastResult last = new LastResult(luJp().contentHash(), VERSIONS, List.of("lu-jp:old"));
        assertThat(decide("lu-jp", luJp(), last)).isEqualTo(new EnrichDecision.Skip());
        assertThat(taggings).hasValue(0);
    }

    @Test
    void otherVersionsTagAgainAndAgreementsNoLongerFoundGetTombstones() {
        LastResult last = new LastResult(luJp().contentHash(), new Versions("tagger-0", "gazetteer-0", "rules-0"),
                List.of("lu-jp:gone"));
        assertThat(decide("lu-jp", luJp(), last)).isInstanceOfSatisfying(EnrichDecision.Write.class, write -> {
            assertThat(write.agreementTombstones()).containsExactly("lu-jp:gone");
            assertThat(write.agreements()).extracting(EnrichDecision.Agreement::id).doesNotContain("lu-jp:gone");
        });
        assertThat(taggings).hasValue(1);
    }

    @Test
    void aTombstoneRetractsTheResultAndTheLastResultsAgreements() {
        LastResult last = new LastResult("hash", VERSIONS, List.of("lu-jp:a", "lu-jp:b"));
        assertThat(decide("lu-jp", null, last)).isEqualTo(new EnrichDecision.Retract(List.of("lu-jp:a", "lu-jp:b"), true));
        assertThat(decide("never-seen", null, null)).isEqualTo(new EnrichDecision.Retract(List.of(), false));
        assertThat(taggings).hasValue(0);
    }

    @Test
    void aRecordWithoutKeyOrWhoseKeyIsNotItsIdIsDeadLettered() {
        assertThat(decide(null, luJp(), null)).isEqualTo(new EnrichDecision.DeadLetter("record has no key (the article id)"));
        assertThat(decide("other-id", luJp(), null))
                .isEqualTo(new EnrichDecision.DeadLetter("key 'other-id' does not match the value's id 'lu-jp'"));
        assertThat(taggings).hasValue(0);
    }

    @Test
    void moreTextThanTheLimitIsDeadLetteredUntagged() {
        EnrichDecision decision = EnrichDecision.decide("a", RawArticle.of("a", "t", "x".repeat(101)), null, VERSIONS, tag,
                new EnrichLimits(100, 100_000));
        assertThat(decision).isEqualTo(new EnrichDecision.DeadLetter(
                "body has 101 characters, over the limit of 100 (enrich.max.body.chars)"));
        assertThat(taggings).hasValue(0);
    }

    @Test
    void aResultOverTheByteLimitIsDeadLetteredAfterTagging() {
        EnrichDecision decision = EnrichDecision.decide("lu-jp", luJp(), null, VERSIONS, tag, new EnrichLimits(10_000, 200));
        assertThat(decision).isInstanceOfSatisfying(EnrichDecision.DeadLetter.class, deadLetter ->
                assertThat(deadLetter.reason()).matches("result is \\d+ bytes, over the limit of 200 \\(enrich.max.result.bytes,"
                        + " or max.message.bytes of the output topics\\)"));
        assertThat(taggings).hasValue(1);
    }

    @Test
    void theOutputTopicsLimitLowersTheResultLimitByTheRecordOverheadNeverRaisesIt() {
        EnrichLimits limits = new EnrichLimits(100, 1_000_000);
        assertThat(limits.withinOutputTopics(500_000)).isEqualTo(new EnrichLimits(100, 500_000 - EnrichLimits.RECORD_OVERHEAD_BYTES));
        assertThat(limits.withinOutputTopics(8 * 1024 * 1024)).isEqualTo(limits);
    }
}
