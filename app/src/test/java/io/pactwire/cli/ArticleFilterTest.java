package io.pactwire.cli;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Versions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFilterTest {
    private static final EnrichedArticle LU_CN = EnrichedArticle.of(
            RawArticle.of("a", "t", "b").withPublishedAt("2018-01-16"),
            List.of(new CountryTag("LU", "Luxembourg", 2, true, List.of()), new CountryTag("CN", "China", 1, true, List.of())),
            List.of(new AgreementTag(AgreementType.MEMORANDUM_OF_UNDERSTANDING, AgreementStatus.SIGNED, List.of(), null, List.of())),
            new Versions("t", "g", "r"), null);
    private static final EnrichedArticle UNDATED = EnrichedArticle.of(RawArticle.of("b", "t", "b"),
            List.of(new CountryTag("LU", "Luxembourg", 1, false, List.of())), List.of(), new Versions("t", "g", "r"), null);

    @Test
    void filtersByCountryTypeAndDate() {
        assertThat(new ArticleFilter(null, null, null)).accepts(LU_CN, UNDATED);
        assertThat(new ArticleFilter("CN", null, null)).accepts(LU_CN).rejects(UNDATED);
        assertThat(new ArticleFilter(null, AgreementType.MEMORANDUM_OF_UNDERSTANDING, null)).accepts(LU_CN).rejects(UNDATED);
        assertThat(new ArticleFilter(null, AgreementType.TREATY, null)).rejects(LU_CN);
        assertThat(new ArticleFilter(null, null, LocalDate.parse("2018-01-16"))).accepts(LU_CN).rejects(UNDATED);
        assertThat(new ArticleFilter(null, null, LocalDate.parse("2018-01-17"))).rejects(LU_CN);
        assertThat(new ArticleFilter("LU", AgreementType.MEMORANDUM_OF_UNDERSTANDING, LocalDate.parse("2018-01-01"))).accepts(LU_CN);
    }
}
