package io.pactwire.tagger;

import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;

import java.util.List;

/**
 * What a tagger found in one article.
 *
 * @param countries countries mentioned, most mentioned first
 * @param agreements agreements reported, in the order first reported
 */
public record Tags(List<CountryTag> countries, List<AgreementTag> agreements) {

    public Tags {
        countries = List.copyOf(countries);
        agreements = List.copyOf(agreements);
    }
}
