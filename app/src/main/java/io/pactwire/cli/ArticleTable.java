package io.pactwire.cli;

import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A plain-text table of enriched articles: article, countries (about ones marked *), agreement types. */
final class ArticleTable {
    private static final int TITLE_WIDTH = 48;

    private ArticleTable() {
    }

    private static final String[] HEADER = {"ARTICLE", "PUBLISHED", "TITLE", "COUNTRIES (* = about)", "AGREEMENTS"};

    /** The table with its header, columns as wide as their widest cell. */
    static String render(List<EnrichedArticle> articles) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        articles.forEach(a -> rows.add(cells(a)));
        return format(rows);
    }

    /** Rows without a header, for articles printed one by one as they arrive. */
    static String rows(List<EnrichedArticle> articles) {
        return format(articles.stream().map(ArticleTable::cells).toList());
    }

    private static String[] cells(EnrichedArticle article) {
        return new String[] {
                article.id(),
                article.publishedAt() == null ? "-" : article.publishedAt(),
                abbreviate(label(article), TITLE_WIDTH),
                article.countries().stream().map(ArticleTable::country).collect(Collectors.joining(" ")),
                article.agreements().stream().map(AgreementTag::type).map(Enum::name).distinct()
                        .collect(Collectors.joining(" "))};
    }

    private static String format(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String country(CountryTag tag) {
        return tag.code() + (tag.about() ? "*" : "");
    }

    private static String label(EnrichedArticle article) {
        if (!article.title().isBlank()) {
            return article.title();
        }
        if (article.dateline() != null) {
            return "(" + article.dateline() + ")";
        }
        String source = article.sourceUri() == null ? "" : article.sourceUri();
        return "(" + source.substring(source.lastIndexOf('/') + 1) + ")";
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
