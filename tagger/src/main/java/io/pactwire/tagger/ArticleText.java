package io.pactwire.tagger;

import java.util.Objects;

/**
 * The text a tagger reads: the parts of an article, as plain strings. Evidence offsets point into them.
 *
 * @param title     the headline, possibly empty
 * @param dateline  the dateline, possibly empty
 * @param body      the main text
 * @param publisher the site that published it, a host name ({@code cabinetoffice.gov.lk}) or the article's URL, or
 *                  null: a government publisher's country is that of the release's unnamed government
 *                  ("the Cabinet", "the Ministry")
 */
public record ArticleText(String title, String dateline, String body, String publisher) {

    public ArticleText {
        title = Objects.requireNonNullElse(title, "");
        dateline = Objects.requireNonNullElse(dateline, "");
        body = Objects.requireNonNullElse(body, "");
    }

    /** An article whose publisher is not known. */
    public ArticleText(String title, String dateline, String body) {
        this(title, dateline, body, null);
    }
}
