package io.pactwire.tagger;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Why an article got its tags, as values rather than sentences: why each country is or is not {@code about}, and
 * which rule gave each agreement and how its status and date were read. Callers print it as they need
 * ({@code pactwire tag --explain}); it is empty unless asked for ({@link Tagger#explain}).
 *
 * @param countries  one reason per country tag, in the order first named (the dateline's first)
 * @param agreements one reason per agreement tag, in the order first reported
 */
public record Explanation(List<CountryReason> countries, List<AgreementReason> agreements) {
    /** No explanation: what {@link Tagger#tag} gives. */
    public static final Explanation NONE = new Explanation(List.of(), List.of());

    public Explanation {
        countries = List.copyOf(countries);
        agreements = List.copyOf(agreements);
    }

    /** The reason of the country tag with this ISO code, if explained. */
    public Optional<CountryReason> country(String code) {
        return countries.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The reason of the agreement tag of this type (an article has at most one per type), if explained. */
    public Optional<AgreementReason> agreement(AgreementType type) {
        return agreements.stream().filter(a -> a.type() == type).findFirst();
    }

    /** What makes a country one the article is about, besides being named often enough in its body. */
    public enum Signal {
        /** The dateline places the story there. */
        DATELINE,
        /** The title names it. */
        TITLE,
        /** The body's lead names it. */
        LEAD,
        /** It is a side of an agreement the article reports, named in the sentence that reports it. */
        AGREEMENT_PARTY
    }

    /**
     * Why a country is or is not {@code about}.
     *
     * @param code         the country's ISO code
     * @param about        whether it is
     * @param signals      the signals it has (empty when none)
     * @param bodyMentions how often the body names it
     */
    public record CountryReason(String code, boolean about, Set<Signal> signals, int bodyMentions) {
        public CountryReason {
            Objects.requireNonNull(code, "code");
            signals = Set.copyOf(signals);
        }
    }

    /**
     * How an agreement was found and read.
     *
     * @param type    the agreement's type
     * @param rule    the id of the lexicon rule that found it first
     * @param trigger the words of the text that rule matched
     * @param status  the status read from its sentence
     * @param date    the date read (ISO), or null when none
     */
    public record AgreementReason(AgreementType type, String rule, String trigger, AgreementStatus status, String date) {
        public AgreementReason {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(status, "status");
        }
    }
}
