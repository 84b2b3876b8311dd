package io.pactwire.model;

import java.util.List;

/**
 * A country an article mentions.
 *
 * @param code     ISO 3166-1 alpha-2 code (historical states keep their former code: SU, DD, YU, CS)
 * @param name     the country's English short name
 * @param mentions how many times the article names it
 * @param about    true when the article is about this country, not only mentioning it in passing
 * @param evidence the spans that named it
 */
public record CountryTag(String code, String name, int mentions, boolean about, List<Evidence> evidence) {

    public CountryTag {
        code = Fields.requireCountryCode("code", code);
        name = Fields.requireNonBlank("name", name);
        if (mentions < 0) {
            throw new InvalidFieldException("mentions", "must not be negative, got " + mentions);
        }
        evidence = Fields.copyOrEmpty("evidence", evidence);
    }
}
