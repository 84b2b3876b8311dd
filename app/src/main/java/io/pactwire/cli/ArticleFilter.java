package io.pactwire.cli;

import io.pactwire.model.AgreementType;
import io.pactwire.model.EnrichedArticle;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Which articles `pactwire articles` shows: those naming a country, reporting an agreement type, and
 * published on or after a date. A criterion left null does not filter.
 *
 * @param country ISO 3166-1 alpha-2 code the article must name
 * @param type    agreement type the article must report
 * @param since   first publication date shown; an article without a publication date is then not shown
 */
record ArticleFilter(String country, AgreementType type, LocalDate since) implements Predicate<EnrichedArticle> {

    @Override
    public boolean test(EnrichedArticle article) {
        if (country != null && article.countries().stream().noneMatch(c -> c.code().equals(country))) {
            return false;
        }
        if (type != null && article.agreements().stream().noneMatch(a -> a.type() == type)) {
            return false;
        }
        if (since != null) {
            if (article.publishedAt() == null) {
                return false;
            }
            LocalDate published = LocalDate.parse(article.publishedAt().substring(0, 10));
            return !published.isBefore(since);
        }
        return true;
    }
}
