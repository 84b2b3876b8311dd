package io.pactwire.tagger;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.Evidence;
import io.pactwire.model.TextField;
import io.pactwire.model.Versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The first tagger: a country is tagged where its English short name appears (case-sensitive, whole
 * words), an agreement type where one of its literal phrases appears (case-insensitive). A country is
 * marked {@code about} when the title or dateline names it or the article names it at least twice.
 */
public final class DictionaryTagger implements Tagger {
    static final String VERSION = "dictionary-1";
    static final String COUNTRIES_RESOURCE = "/io/pactwire/tagger/countries.tsv";
    static final String AGREEMENTS_RESOURCE = "/io/pactwire/tagger/agreements.tsv";

    /** Codes outside {@link Locale#getISOCountries()} that the data may use. */
    private static final Set<String> EXTRA_CODES = Set.of("XK", "SU", "DD", "YU", "CS", "ZR", "BU", "YD", "AN");

    private final PhraseMatcher<Country> countries;
    private final PhraseMatcher<AgreementType> agreements;
    private final Versions versions;

    private record Country(String code, String name) {
    }

    private DictionaryTagger(PhraseMatcher<Country> countries, PhraseMatcher<AgreementType> agreements, Versions versions) {
        this.countries = countries;
        this.agreements = agreements;
        this.versions = versions;
    }

    /** The tagger with the data files bundled in this jar; their problems are errors naming the entry. */
    public static DictionaryTagger loadBundled() {
        return load(COUNTRIES_RESOURCE, AGREEMENTS_RESOURCE);
    }

    static DictionaryTagger load(String countriesResource, String agreementsResource) {
        DataFile countryFile = DataFile.load(countriesResource, 2);
        Set<String> knownCodes = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        knownCodes.addAll(EXTRA_CODES);
        PhraseMatcher.Builder<Country> countryBuilder = PhraseMatcher.builder(true);
        for (DataFile.Row row : countryFile.rows()) {
            String code = row.fields().get(0);
            String name = row.fields().get(1);
            if (!knownCodes.contains(code)) {
                throw new DataFileException(countriesResource + ":" + row.line() + ": unknown country code " + code);
            }
            try {
                countryBuilder.add(name, new Country(code, name));
            } catch (IllegalArgumentException e) {
                throw new DataFileException(countriesResource + ":" + row.line() + ": " + e.getMessage());
            }
        }
        DataFile agreementFile = DataFile.load(agreementsResource, 2);
        PhraseMatcher.Builder<AgreementType> agreementBuilder = PhraseMatcher.builder(false);
        for (DataFile.Row row : agreementFile.rows()) {
            AgreementType type;
            try {
                type = AgreementType.valueOf(row.fields().get(0));
            } catch (IllegalArgumentException e) {
                throw new DataFileException(agreementsResource + ":" + row.line() + ": unknown agreement type "
                        + row.fields().get(0));
            }
            try {
                agreementBuilder.add(row.fields().get(1), type);
            } catch (IllegalArgumentException e) {
                throw new DataFileException(agreementsResource + ":" + row.line() + ": " + e.getMessage());
            }
        }
        return new DictionaryTagger(countryBuilder.build(), agreementBuilder.build(),
                new Versions(VERSION, countryFile.version(), agreementFile.version()));
    }

    @Override
    public Versions versions() {
        return versions;
    }

    @Override
    public Tags tag(ArticleText article) {
        Map<String, List<Evidence>> countryEvidence = new LinkedHashMap<>();
        Map<String, String> countryNames = new HashMap<>();
        Map<AgreementType, List<Evidence>> agreementEvidence = new LinkedHashMap<>();
        for (TextField field : TextField.values()) {
            String text = switch (field) {
                case TITLE -> article.title();
                case DATELINE -> article.dateline();
                case BODY -> article.body();
            };
            for (PhraseMatcher.Match<Country> m : countries.find(text)) {
                countryNames.put(m.value().code(), m.value().name());
                countryEvidence.computeIfAbsent(m.value().code(), k -> new ArrayList<>())
                        .add(new Evidence(field, m.start(), m.end(), text.substring(m.start(), m.end()), "name"));
            }
            for (PhraseMatcher.Match<AgreementType> m : agreements.find(text)) {
                agreementEvidence.computeIfAbsent(m.value(), k -> new ArrayList<>())
                        .add(new Evidence(field, m.start(), m.end(), text.substring(m.start(), m.end()), "phrase"));
            }
        }
        List<CountryTag> countryTags = new ArrayList<>();
        countryEvidence.forEach((code, evidence) -> {
            boolean headline = evidence.stream().anyMatch(e -> e.field() != TextField.BODY);
            boolean about = headline || evidence.size() >= 2;
            countryTags.add(new CountryTag(code, countryNames.get(code), evidence.size(), about, evidence));
        });
        countryTags.sort(Comparator.comparingInt(CountryTag::mentions).reversed());
        List<AgreementTag> agreementTags = new ArrayList<>();
        agreementEvidence.forEach((type, evidence) ->
                agreementTags.add(new AgreementTag(type, AgreementStatus.UNKNOWN, List.of(), null, evidence)));
        return new Tags(countryTags, agreementTags);
    }
}
