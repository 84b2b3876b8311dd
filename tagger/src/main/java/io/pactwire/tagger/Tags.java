package io.pactwire.tagger;

import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;

import java.util.List;

/**
 * What a tagger found in one article.
 *
 * @param countries   countries mentioned, most mentioned first
 * @param agreements  agreements reported, in the order first reported
 * @param explanation why each tag was given (why a country is or is not {@code about}, which rule gave an
 *                    agreement and how its status and date were read); {@link Explanation#NONE} unless asked for
 */
public record Tags(List<CountryTag> countries, List<AgreementTag> agreements, Explanation explanation) {

    public Tags {
        countries = List.copyOf(countries);
        agreements = List.copyOf(agreements);
        java.util.Objects.requireNonNull(explanation, "explanation");
    }

    public Tags(List<CountryTag> countries, List<AgreementTag> agreements) {
        this(countries, agreements, Explanation.NONE);
    }
}
