package io.pactwire.enrich;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.model.Versions;
import io.pactwire.runtime.DeadLetters;
import io.pactwire.topics.Topics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the enricher does with one record of {@code news.raw}, decided from the record and what it remembers of
 * the article's last result alone: a pure function ({@link #decide}) that {@link EnrichProcessor} only carries out.
 * <ul>
 *   <li>{@link Skip}: the article's content hash and the tagger's versions are those of its last result;</li>
 *   <li>{@link Retract}: a tombstone: a tombstone for its result, and one for each agreement its last result had;</li>
 *   <li>{@link Write}: its result, its agreements (each id once), a tombstone for each agreement of its last
 *       result it no longer has, and what to remember of it;</li>
 *   <li>{@link DeadLetter}: no key, a key that is not the value's id, more text than it tags, or a result too
 *       large to write; the reason names the limit's setting.</li>
 * </ul>
 */
sealed interface EnrichDecision {

    /** Nothing to write: the last result stands. */
    record Skip() implements EnrichDecision {
    }

    /**
     * A tombstone for the article's result, one for each of {@code agreementTombstones}; {@code forget} when
     * there is a last result to forget.
     */
    record Retract(List<String> agreementTombstones, boolean forget) implements EnrichDecision {
        public Retract {
            agreementTombstones = List.copyOf(agreementTombstones);
        }
    }

    /** One agreement to write: its id (the record's key) and its AgreementRecord JSON. */
    record Agreement(String id, byte[] value) {
        public Agreement {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The result to write (EnrichedArticle JSON), its agreements, tombstones for the agreements of the last result
     * it no longer has, and what to remember.
     */
    record Write(EnrichedArticle result, byte[] value, List<Agreement> agreements, List<String> agreementTombstones,
                 LastResult remember) implements EnrichDecision {
        public Write {
            agreements = List.copyOf(agreements);
            agreementTombstones = List.copyOf(agreementTombstones);
        }
    }

    /** The record goes to the dead-letter topic, for {@code reason}. */
    record DeadLetter(String reason) implements EnrichDecision {
    }

    /**
     * The decision for the record {@code id} → {@code raw} ({@code null} for a tombstone), given the article's
     * {@code last} result ({@code null} when there is none), the tagger's {@code versions} and its {@code tag}
     * function, under {@code limits}.
     */
    static EnrichDecision decide(String id, RawArticle raw, LastResult last, Versions versions,
                                 Function<RawArticle, EnrichedArticle> tag, EnrichLimits limits) {
        if (id == null) {
            return new DeadLetter("record has no key (the article id)");
        }
        if (raw == null) {
            return last == null ? new Retract(List.of(), false) : new Retract(last.agreementIds(), true);
        }
        if (!id.equals(raw.id())) {
            return new DeadLetter("key '" + DeadLetters.abbreviate(id) + "' does not match the value's id '"
                    + DeadLetters.abbreviate(raw.id()) + "'");
        }
        Optional<String> tooLong = tooLongToTag(raw, limits.maxTaggableChars());
        if (tooLong.isPresent()) {
            return new DeadLetter(tooLong.get());
        }
        if (last != null && last.sameInput(raw.contentHash(), versions)) {
            return new Skip();
        }
        EnrichedArticle result = tag.apply(raw);
        byte[] value = Serdes.ENRICHED_ARTICLE.serialize(Topics.ENRICHED.name(), result);
        if (value.length > limits.maxResultBytes()) {
            return new DeadLetter("result is " + value.length + " bytes, over the limit of " + limits.maxResultBytes()
                    + " (enrich.max.result.bytes, or max.message.bytes of the output topics)");
        }
        Set<String> found = new LinkedHashSet<>();
        List<Agreement> agreements = new ArrayList<>();
        for (AgreementRecord agreement : AgreementRecord.of(result)) {
            if (found.add(agreement.agreementId())) {
                agreements.add(new Agreement(agreement.agreementId(),
                        Serdes.AGREEMENT_RECORD.serialize(Topics.AGREEMENTS.name(), agreement)));
            }
        }
        List<String> gone = last == null ? List.of() : last.agreementIds().stream().filter(a -> !found.contains(a)).toList();
        return new Write(result, value, agreements, gone,
                new LastResult(result.contentHash(), result.versions(), List.copyOf(found)));
    }

    /**
     * Why the article has more text than the enricher tags, if it has. The tagger reads the title and dateline
     * as well as the body, so the limit bounds all three: a 10 MB title ("Japan " over and over) was otherwise
     * tagged in full and its result, 146 MB of JSON, built in memory before it was found too large.
     */
    static Optional<String> tooLongToTag(RawArticle raw, int maxChars) {
        long chars = (long) raw.title().length() + raw.body().length() + (raw.dateline() == null ? 0 : raw.dateline().length());
        if (chars <= maxChars) {
            return Optional.empty();
        }
        String what = raw.body().length() > maxChars ? "body has " + raw.body().length()
                : "title, dateline and body have " + chars;
        return Optional.of(what + " characters, over the limit of " + maxChars + " (enrich.max.body.chars)");
    }
}
