package io.pactwire.tagger;

import io.pactwire.model.AgreementTag;
import io.pactwire.model.CountryTag;
import io.pactwire.model.Evidence;
import io.pactwire.model.Party;
import io.pactwire.model.TextField;
import io.pactwire.model.Versions;
import io.pactwire.tagger.CountryFinder.Mention;
import io.pactwire.tagger.Datelines.Dateline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The standard tagger. Countries: every name, demonym, city, institution and former name of
 * {@link Gazetteer}, decided in context by {@link CountryFinder}, plus the dateline's place
 * ({@link Datelines}). A country is {@code about} when the article places or heads itself there (its
 * dateline, its title), names it in its lead sentence, has it as a party to an agreement, or names it
 * again and again (see {@link #ABOUT_MENTIONS}); a passing mention is not. Agreements: the rules of
 * {@link AgreementRules}, applied by {@link AgreementFinder}.
 *
 * <p>Thread-safe and allocation-light: the data is read-only once loaded, and each call works on its
 * own token arrays.
 */
public final class NewsTagger implements Tagger {
    /** Per thread, the token buffers of the article being tagged: reused, so tagging allocates little. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final Tokens.Buffers title = new Tokens.Buffers();
        final Tokens.Buffers body = new Tokens.Buffers();
    }

    static final String VERSION = "news-2";
    static final String COUNTRIES_RESOURCE = "/io/pactwire/tagger/countries.tsv";
    static final String ALIASES_RESOURCE = "/io/pactwire/tagger/aliases.tsv";
    static final String CITIES_RESOURCE = "/io/pactwire/tagger/cities.tsv";
    static final String DIVISIONS_RESOURCE = "/io/pactwire/tagger/divisions.tsv";
    static final String AGREEMENTS_RESOURCE = "/io/pactwire/tagger/agreements.tsv";
    /** A country named this many times in the body is about the article even outside title, dateline and lead. */
    static final int ABOUT_MENTIONS = 3;
    /** The lead: the body's first sentence, or its first words when the first sentence runs long. */
    static final int LEAD_WORDS = 40;

    /** Words after which a full stop does not end a sentence. */
    private static final List<String> ABBREVIATIONS = List.of("mr", "mrs", "ms", "dr", "st", "inc", "corp", "co",
            "ltd", "jr", "sr", "gen", "gov", "sen", "rep", "prof", "no", "vs", "mt", "ft", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "approx", "calif", "conn", "mass", "fla",
            "ill", "ind", "kan", "ky", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
            "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ala", "ariz", "ark", "colo", "del", "ga", "la", "ont",
            "que", "alta", "bros", "cos", "plc", "messrs", "fig", "govt");

    private static final class Bundled {
        static final NewsTagger INSTANCE = load(COUNTRIES_RESOURCE, ALIASES_RESOURCE, DIVISIONS_RESOURCE, CITIES_RESOURCE,
                AGREEMENTS_RESOURCE);
    }

    private final WordIndex words;
    /**
     * By word id + 1 (0 for an unknown word), what the word can start: the finders visit only the tokens
     * that can start something.
     */
    private final byte[] startFlags;
    private final boolean[] abbreviations;
    private final Gazetteer gazetteer;
    private final CountryFinder countries;
    private final Datelines datelines;
    private final AgreementFinder agreements;
    private final List<String> dictionary;
    private final Versions versions;
    private final Set<String> knownCodes = Set.copyOf(Gazetteer.knownCodes());

    private NewsTagger(Vocabulary vocabulary, boolean[] abbreviations, Gazetteer gazetteer, AgreementFinder agreements,
                       List<String> dictionary, Versions versions) {
        this.words = WordIndex.of(vocabulary);
        this.abbreviations = abbreviations;
        this.gazetteer = gazetteer;
        this.countries = new CountryFinder(gazetteer);
        this.datelines = new Datelines(gazetteer);
        this.agreements = agreements;
        this.dictionary = dictionary;
        this.versions = versions;
        this.startFlags = new byte[vocabulary.size() + 1];
        for (int word = 0; word < vocabulary.size(); word++) {
            startFlags[word + 1] = (byte) ((countries.startsName(word) ? Tokens.STARTS_NAME : 0)
                    | (agreements.startsBlock(word) ? Tokens.STARTS_BLOCK : 0)
                    | (agreements.startsRule(word) ? Tokens.STARTS_RULE : 0));
        }
    }

    /** The tagger with the data files bundled in this jar, loaded once; their problems are errors naming the entry. */
    public static NewsTagger loadBundled() {
        return Bundled.INSTANCE;
    }

    static NewsTagger load(String countriesResource, String aliasesResource, String citiesResource, String agreementsResource) {
        return load(countriesResource, aliasesResource, DIVISIONS_RESOURCE, citiesResource, agreementsResource);
    }

    static NewsTagger load(String countriesResource, String aliasesResource, String divisionsResource,
                           String citiesResource, String agreementsResource) {
        Vocabulary vocabulary = new Vocabulary();
        Gazetteer gazetteer = new Gazetteer.Loader(vocabulary)
                .countries(countriesResource)
                .aliases(aliasesResource)
                .divisions(divisionsResource)
                .cities(citiesResource)
                .build();
        AgreementRules rules = AgreementRules.load(agreementsResource, vocabulary);
        CountryFinder.contextWords().forEach(vocabulary::add);
        ABBREVIATIONS.forEach(vocabulary::add);
        boolean[] abbreviations = new boolean[vocabulary.size()];
        for (String a : ABBREVIATIONS) {
            abbreviations[vocabulary.id(a)] = true;
        }
        AgreementFinder agreements = new AgreementFinder(rules, vocabulary);
        List<String> dictionary = new ArrayList<>(gazetteer.phrases);
        dictionary.addAll(new java.util.TreeSet<>(rules.words));
        return new NewsTagger(vocabulary, abbreviations, gazetteer, agreements, List.copyOf(dictionary),
                new Versions(VERSION, gazetteer.version, rules.version));
    }

    @Override
    public Versions versions() {
        return versions;
    }

    @Override
    public Tags tag(ArticleText article) {
        return tag(article, false);
    }

    @Override
    public Tags explain(ArticleText article) {
        return tag(article, true);
    }

    private Tags tag(ArticleText article, boolean explain) {
        Scratch scratch = SCRATCH.get();
        Tokens title = Tokens.of(article.title(), words, abbreviations, startFlags, scratch.title);
        Tokens body = Tokens.of(article.body(), words, abbreviations, startFlags, scratch.body);
        Tokens[] byField = new Tokens[TextField.values().length];
        byField[TextField.TITLE.ordinal()] = title;
        byField[TextField.BODY.ordinal()] = body;

        Optional<Dateline> dateline = datelines.find(article);
        String datelineCode = dateline.map(Dateline::code).orElse(null);
        LocalDate datelineDate = dateline.map(Dateline::date).orElse(null);

        List<Mention> mentions = new ArrayList<>();
        countries.scan(TextField.TITLE, title, mentions);
        countries.scan(TextField.BODY, body, mentions);
        if (dateline.isPresent() && dateline.get().field() == TextField.BODY) {
            // the body's own dateline is counted once, as the dateline
            int end = dateline.get().end();
            mentions.removeIf(m -> m.field == TextField.BODY && m.start < end);
        }
        countries.resolve(mentions, byField, datelineCode);

        List<AgreementFinder.Hit> hits = new ArrayList<>();
        agreements.scan(TextField.TITLE, title, hits);
        agreements.scan(TextField.BODY, body, hits);
        List<Explanation.AgreementReason> explanation = explain ? new ArrayList<>() : null;
        // a government's release speaks for its country: that of its unnamed "Cabinet" and "Ministry"
        String publisherCode = hits.isEmpty() ? null : Publishers.governmentCountry(article.publisher(), knownCodes::contains);
        // a party makes a country `about` when the sentence that reports its agreement names it
        Set<String> parties = hits.isEmpty() ? Set.of() : new HashSet<>();
        List<AgreementTag> agreementTags = hits.isEmpty() ? List.of()
                : agreements.tags(hits, body, mentions, datelineCode, publisherCode, agreements.companyHomes(mentions, title, body),
                        datelineDate, explanation, parties);

        List<Explanation.CountryReason> countryReasons = explain ? new ArrayList<>() : null;
        List<CountryTag> countryTags = countryTags(article, dateline, mentions, body, parties, countryReasons);
        if (!explain) {
            return new Tags(countryTags, agreementTags);
        }
        return new Tags(countryTags, agreementTags, new Explanation(countryReasons, explanation));
    }

    /**
     * One country's evidence and signals while the tags of an article are assembled: a list searched by
     * code rather than two hash maps, as articles name few countries (1.7 on average in the dev corpus).
     */
    private static final class CountryEvidence {
        final String code;
        final List<Evidence> spans = new ArrayList<>(4);
        boolean dateline;
        boolean title;
        boolean lead;
        int bodyMentions;

        CountryEvidence(String code) {
            this.code = code;
        }

        /** The entry of {@code code} in {@code countries}, added at the end when new. */
        static CountryEvidence of(List<CountryEvidence> countries, String code) {
            for (int i = 0; i < countries.size(); i++) {
                CountryEvidence c = countries.get(i);
                if (c.code.equals(code)) {
                    return c;
                }
            }
            CountryEvidence c = new CountryEvidence(code);
            countries.add(c);
            return c;
        }
    }

    private List<CountryTag> countryTags(ArticleText article, Optional<Dateline> dateline, List<Mention> mentions,
                                         Tokens body, Set<String> parties, List<Explanation.CountryReason> explanation) {
        List<CountryEvidence> countries = new ArrayList<>(4); // in the order first named, the dateline first
        if (dateline.isPresent() && dateline.get().code() != null) {
            Dateline d = dateline.get();
            String text = d.field() == TextField.DATELINE ? article.dateline() : article.body();
            CountryEvidence c = CountryEvidence.of(countries, d.code());
            c.spans.add(new Evidence(d.field(), d.start(), d.end(), text.substring(d.start(), d.end()), "dateline"));
            c.dateline = true;
        }
        int leadEnd = leadEnd(body);
        for (Mention m : mentions) {
            if (m.dropped) {
                continue;
            }
            String text = m.field == TextField.TITLE ? article.title() : article.body();
            CountryEvidence c = CountryEvidence.of(countries, m.code);
            c.spans.add(new Evidence(m.field, m.start, m.end, text.substring(m.start, m.end), m.kind.match,
                    m.code.equals(m.division == null ? null : m.division.substring(0, 2)) ? m.division : null));
            if (m.field == TextField.TITLE) {
                c.title = true;
            } else {
                if (m.start < leadEnd) {
                    c.lead = true;
                }
                c.bodyMentions++;
            }
        }
        List<CountryTag> tags = new ArrayList<>(countries.size());
        for (CountryEvidence c : countries) {
            boolean party = parties.contains(c.code);
            boolean about = c.dateline || c.title || c.lead || party || c.bodyMentions >= ABOUT_MENTIONS;
            tags.add(new CountryTag(c.code, gazetteer.displayName(c.code), c.spans.size(), about, c.spans));
            if (explanation == null) {
                continue;
            }
            Set<Explanation.Signal> signals = EnumSet.noneOf(Explanation.Signal.class);
            if (c.dateline) {
                signals.add(Explanation.Signal.DATELINE);
            }
            if (c.title) {
                signals.add(Explanation.Signal.TITLE);
            }
            if (c.lead) {
                signals.add(Explanation.Signal.LEAD);
            }
            if (party) {
                signals.add(Explanation.Signal.AGREEMENT_PARTY);
            }
            explanation.add(new Explanation.CountryReason(c.code, about, signals, c.bodyMentions));
        }
        tags.sort((a, b) -> Integer.compare(b.mentions(), a.mentions()));
        return tags;
    }

    /** The end offset of the body's lead: its first sentence, at most {@link #LEAD_WORDS} words. */
    private static int leadEnd(Tokens body) {
        if (body.count == 0) {
            return 0;
        }
        int k = 0;
        while (k + 1 < body.count && body.sentence[k + 1] == 0 && k + 1 < LEAD_WORDS) {
            k++;
        }
        return body.end[k];
    }

    /**
     * Every phrase this tagger looks for in running text: the country names, demonyms, cities and
     * institutions of the gazetteer (as written) and the words of the agreement rules. For benchmarks
     * that match the same dictionary with another matcher.
     */
    public List<String> dictionary() {
        return dictionary;
    }

    /** Every word some name or rule uses. */
    Vocabulary vocabulary() {
        return words.vocabulary();
    }

    int agreementRuleCount() {
        return agreements.ruleCount();
    }
}
