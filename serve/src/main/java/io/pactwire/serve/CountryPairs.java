package io.pactwire.serve;

import io.pactwire.model.AgreementRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who agrees with whom: from agreements, each country of their parties with the number of agreements it is a
 * party to, and each pair of countries on the sides of one agreement with the number of such agreements.
 * Parties without a country count for nothing; an agreement of one country's parties only makes no pair.
 *
 * @param countries the countries, most agreements first, then by code
 * @param pairs     the pairs ({@code a} before {@code b} in code order), most agreements first, then by codes
 */
public record CountryPairs(List<Country> countries, List<Pair> pairs) {

    public static CountryPairs of(Iterable<AgreementRecord> agreements) {
        Map<String, Integer> byCountry = new TreeMap<>();
        Map<String, Integer> byPair = new TreeMap<>();
        for (AgreementRecord agreement : agreements) {
            List<String> codes = ViewQuery.countries(agreement);
            for (int i = 0; i < codes.size(); i++) {
                byCountry.merge(codes.get(i), 1, Integer::sum);
                for (int j = i + 1; j < codes.size(); j++) {
                    byPair.merge(codes.get(i) + " " + codes.get(j), 1, Integer::sum);
                }
            }
        }
        List<Country> countries = new ArrayList<>();
        byCountry.forEach((code, n) -> countries.add(new Country(code, n)));
        countries.sort(Comparator.comparingInt(Country::agreements).reversed().thenComparing(Country::code));
        List<Pair> pairs = new ArrayList<>();
        byPair.forEach((key, n) -> pairs.add(new Pair(key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ') + 1), n)));
        pairs.sort(Comparator.comparingInt(Pair::agreements).reversed().thenComparing(Pair::a).thenComparing(Pair::b));
        return new CountryPairs(List.copyOf(countries), List.copyOf(pairs));
    }

    /** A country and the agreements it is a party to. */
    public record Country(String code, int agreements) {
    }

    /** Two countries and the agreements with parties of both. */
    public record Pair(String a, String b, int agreements) {
    }
}
