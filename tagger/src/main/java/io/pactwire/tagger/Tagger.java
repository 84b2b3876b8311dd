package io.pactwire.tagger;

import io.pactwire.model.Versions;

/**
 * Tags an article with the countries it mentions and the agreements it reports. Implementations are
 * pure (the same text and versions give the same tags) and thread-safe.
 */
public interface Tagger {

    /** The tags of one article. Their {@link Tags#explanation()} is empty: see {@link #explain}. */
    Tags tag(ArticleText article);

    /** The tags of one article with their explanation, for people; slower than {@link #tag}. */
    default Tags explain(ArticleText article) {
        return tag(article);
    }

    /** The versions of the code and data that decide the tags; stamped on every result. */
    Versions versions();

    /** The standard tagger with its bundled data. */
    static Tagger standard() {
        return NewsTagger.loadBundled();
    }
}
