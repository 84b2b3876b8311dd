package io.pactwire.tagger;

import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;

import java.util.List;

/**
 * What a tagger found in one article.
 *
 * @param countries   countries mentioned, most mentioned first
 * @param agreements  agreements reported, in the order first reported
 * @param explanation one line per tag saying why it was given (why a country is or is not
 *                    {@code about}, which rule gave an agreement and how its status and date were read);
 *                    for people, not for programs
 */
public record Tags(List<CountryTag> countries, List<AgreementTag> agreements, List<String> explanation) {

    public Tags {
        countries = List.copyOf(countries);
        agreements = List.copyOf(agreements);
        explanation = List.copyOf(explanation);
    }

    public Tags(List<CountryTag> countries, List<AgreementTag> agreements) {
        this(countries, agreements, List.of());
    }
}
