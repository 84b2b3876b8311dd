package io.pactwire.cli;

import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Party;
import io.pactwire.model.Printable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plain-text table of enriched articles: one line per agreement, the article's columns on its first
 * line only. Countries the article is about are marked with a star; each agreement shows its type,
 * status and parties (with their countries).
 */
final class ArticleTable {
    private static final int TITLE_WIDTH = 44;
    private static final int PARTIES_WIDTH = 80;
    private static final String[] HEADER = {"ARTICLE", "PUBLISHED", "TITLE", "COUNTRIES (* = about)", "AGREEMENT", "STATUS",
            "PARTIES"};

    private ArticleTable() {
    }

    /** The table with its header, columns as wide as their widest cell. */
    static String render(List<EnrichedArticle> articles) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        articles.forEach(a -> rows.addAll(rowsOf(a)));
        return format(rows);
    }

    /** Rows without a header, for articles printed one by one as they arrive. */
    static String rows(List<EnrichedArticle> articles) {
        List<String[]> rows = new ArrayList<>();
        articles.forEach(a -> rows.addAll(rowsOf(a)));
        return format(rows);
    }

    private static List<String[]> rowsOf(EnrichedArticle article) {
        List<String[]> rows = new ArrayList<>();
        String[] first = {
                article.id(),
                article.publishedAt() == null ? "-" : article.publishedAt(),
                abbreviate(label(article), TITLE_WIDTH),
                article.countries().stream().map(ArticleTable::country).collect(Collectors.joining(" ")),
                "-", "", ""};
        if (article.agreements().isEmpty()) {
            rows.add(first);
            return rows;
        }
        for (AgreementTag agreement : article.agreements()) {
            String[] row = rows.isEmpty() ? first : new String[] {"", "", "", "", "", "", ""};
            row[4] = agreement.type().name();
            row[5] = agreement.status().name();
            row[6] = abbreviate(agreement.parties().stream().map(ArticleTable::party).collect(Collectors.joining(", ")),
                    PARTIES_WIDTH);
            rows.add(row);
        }
        return rows;
    }

    private static String format(List<String[]> rows) {
        // ids, titles and names come from articles: a line break or a bidi override in one must not forge
        // or disguise a row
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                row[i] = Printable.escape(row[i]);
            }
        });
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String country(CountryTag tag) {
        return tag.code() + (tag.about() ? "*" : "");
    }

    private static String party(Party party) {
        return party.country() == null ? party.name() : party.name() + " (" + party.country() + ")";
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
