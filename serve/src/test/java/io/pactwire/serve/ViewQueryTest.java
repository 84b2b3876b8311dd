package io.pactwire.serve;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Party;
import io.pactwire.model.Versions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewQueryTest {
    static final Versions VERSIONS = new Versions("news-2", "gazetteer-1", "agreements-3");

    static AgreementRecord agreement(String id, AgreementType type, AgreementStatus status, String date,
                                     String publishedAt, Party... parties) {
        return new AgreementRecord("a-" + id + ":" + type + ":000000000000", type, status, List.of(parties), date,
                "a-" + id, "title " + id, null, publishedAt, List.of(), VERSIONS, Instant.EPOCH);
    }

    static EnrichedArticle article(String id, String publishedAt, List<String> countries, AgreementTag... agreements) {
        return new EnrichedArticle(id, null, null, "title " + id, null, publishedAt, "en", "hash-" + id, 1,
                countries.stream().map(c -> new CountryTag(c, c, 1, true, List.of())).toList(), List.of(agreements),
                VERSIONS, Instant.EPOCH);
    }

    @Test
    void parsesEveryFilterCaseInsensitively() {
        ViewQuery query = ViewQuery.parse(Map.of("country", "lu", "type", "treaty",
                "status", "Signed", "since", "2018-01-01", "until", "2018-12-31", "limit", "10", "offset", "20"));
        assertThat(query).isEqualTo(new ViewQuery("LU", AgreementType.TREATY, AgreementStatus.SIGNED,
                LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), 10, 20));
    }

    @Test
    void emptyParametersDoNotFilter() {
        assertThat(ViewQuery.parse(Map.of("country", "", "type", " ", "since", ""))).isEqualTo(ViewQuery.ALL);
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        assertThatThrownBy(() -> ViewQuery.parse(Map.of("country", "Luxembourg", "type", "pact", "since", "16/01/2018",
                "limit", "5000", "offset", "-1", "sort", "date")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'sort'")
                .hasMessageContaining("country must be a two-letter ISO 3166-1 code, got 'Luxembourg'")
                .hasMessageContaining("type must be one of MEMORANDUM_OF_UNDERSTANDING")
                .hasMessageContaining("since must be a date (yyyy-mm-dd), got '16/01/2018'")
                .hasMessageContaining("limit must be 1 to 1000, got 5000")
                .hasMessageContaining("offset must not be negative, got -1");
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> ViewQuery.parse(Map.of("since", "2018-02-01", "until", "2018-01-01")))
                .hasMessage("until 2018-01-01 is before since 2018-02-01");
    }

    @Test
    void agreementsMatchByPartyCountryTypeStatusAndDayInclusive() {
        AgreementRecord luCn = agreement("1", AgreementType.MEMORANDUM_OF_UNDERSTANDING, AgreementStatus.SIGNED,
                "2018-01-16", "2018-01-17", new Party("Ministry of the Economy", "LU"), new Party("CNSA", "CN"));
        ViewQuery luxembourg = new ViewQuery("LU", null, null, null, null, 10, 0);
        assertThat(luxembourg.matches(luCn)).isTrue();
        assertThat(new ViewQuery("JP", null, null, null, null, 10, 0).matches(luCn)).isFalse();
        assertThat(new ViewQuery(null, AgreementType.TREATY, null, null, null, 10, 0).matches(luCn)).isFalse();
        assertThat(new ViewQuery(null, null, AgreementStatus.PROPOSED, null, null, 10, 0).matches(luCn)).isFalse();
        // the agreement's own date counts, not its article's publication date
        LocalDate day = LocalDate.of(2018, 1, 16);
        assertThat(new ViewQuery(null, null, null, day, day, 10, 0).matches(luCn)).isTrue();
        assertThat(new ViewQuery(null, null, null, day.plusDays(1), null, 10, 0).matches(luCn)).isFalse();
        assertThat(new ViewQuery(null, null, null, null, day.minusDays(1), 10, 0).matches(luCn)).isFalse();
    }

    @Test
    void anAgreementWithoutADateIsDatedByItsArticleAndWithoutEitherLeftOutOfAPeriod() {
        AgreementRecord undated = agreement("2", AgreementType.TREATY, AgreementStatus.UNKNOWN, null, "2017-11-29T10:00:00Z");
        AgreementRecord neither = agreement("3", AgreementType.TREATY, AgreementStatus.UNKNOWN, null, null);
        assertThat(ViewQuery.day(undated)).isEqualTo(LocalDate.of(2017, 11, 29));
        ViewQuery november = new ViewQuery(null, null, null, LocalDate.of(2017, 11, 1), LocalDate.of(2017, 11, 30), 10, 0);
        assertThat(november.matches(undated)).isTrue();
        assertThat(november.matches(neither)).isFalse();
        assertThat(ViewQuery.ALL.matches(neither)).isTrue();
    }

    @Test
    void articlesMatchWhenOneAgreementHasBothTheTypeAndTheStatus() {
        EnrichedArticle article = article("x", "2018-01-16", List.of("LU", "CN"),
                new AgreementTag(AgreementType.MEMORANDUM_OF_UNDERSTANDING, AgreementStatus.SIGNED, List.of(), null, List.of()),
                new AgreementTag(AgreementType.COOPERATION_AGREEMENT, AgreementStatus.PROPOSED, List.of(), null, List.of()));
        assertThat(new ViewQuery("CN", AgreementType.MEMORANDUM_OF_UNDERSTANDING, AgreementStatus.SIGNED, null, null, 10, 0)
                .matches(article)).isTrue();
        assertThat(new ViewQuery(null, AgreementType.MEMORANDUM_OF_UNDERSTANDING, AgreementStatus.PROPOSED, null, null, 10, 0)
                .matches(article)).isFalse();
        assertThat(new ViewQuery("JP", null, null, null, null, 10, 0).matches(article)).isFalse();
        assertThat(new ViewQuery(null, null, null, LocalDate.of(2018, 1, 17), null, 10, 0).matches(article)).isFalse();
    }

    @Test
    void pagesNewestFirstWithTheTotal() {
        List<AgreementRecord> agreements = new java.util.ArrayList<>(List.of(
                agreement("old", AgreementType.TREATY, AgreementStatus.SIGNED, "2010-01-01", null),
                agreement("none", AgreementType.TREATY, AgreementStatus.SIGNED, null, null),
                agreement("new", AgreementType.TREATY, AgreementStatus.SIGNED, "2020-01-01", null),
                agreement("mid", AgreementType.TREATY, AgreementStatus.SIGNED, "2015-01-01", null)));
        agreements.sort(ViewQuery.NEWEST_AGREEMENTS_FIRST);
        assertThat(agreements).extracting(AgreementRecord::articleId).containsExactly("a-new", "a-mid", "a-old", "a-none");
        ViewQuery.Page<AgreementRecord> second = new ViewQuery(null, null, null, null, null, 2, 2).page(agreements);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.items()).extracting(AgreementRecord::articleId).containsExactly("a-old", "a-none");
        assertThat(new ViewQuery(null, null, null, null, null, 2, 10).page(agreements).items()).isEmpty();
    }
}
