package io.pactwire.model;

/**
 * One side of an agreement.
 *
 * @param name    the party as named ("Ministry of the Economy", "CNSA", "Japan")
 * @param country ISO 3166-1 alpha-2 code of the party's country, when known
 */
public record Party(String name, String country) {

    public Party {
        name = Fields.requireNonBlank("name", name);
        country = country == null ? null : Fields.requireCountryCode("country", country);
    }
}
