package io.pactwire.model;

/**
 * The versions of everything that decided a result, stamped on every enriched article so that a
 * replay after a rules change is traceable.
 *
 * @param tagger    the tagging code
 * @param gazetteer the country data
 * @param rules     the agreement rules
 */
public record Versions(String tagger, String gazetteer, String rules) {

    public Versions {
        tagger = Fields.requireNonBlank("tagger", tagger);
        gazetteer = Fields.requireNonBlank("gazetteer", gazetteer);
        rules = Fields.requireNonBlank("rules", rules);
    }
}
