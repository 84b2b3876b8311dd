package io.pactwire.tagger;

import java.util.Objects;

/**
 * The text a tagger reads: the parts of an article, as plain strings. Evidence offsets point into them.
 *
 * @param title    the headline, possibly empty
 * @param dateline the dateline, possibly empty
 * @param body     the main text
 */
public record ArticleText(String title, String dateline, String body) {

    public ArticleText {
        title = Objects.requireNonNullElse(title, "");
        dateline = Objects.requireNonNullElse(dateline, "");
        body = Objects.requireNonNullElse(body, "");
    }
}
