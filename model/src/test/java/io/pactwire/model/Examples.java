package io.pactwire.model;

import java.time.Instant;
import java.util.List;

/** Realistic example records, shared by the model's tests. */
final class Examples {
    private Examples() {
    }

    static RawArticle raw() {
        return new RawArticle("23bff489c9d030c4543e", "file:///samples/000.txt", "https://example.org/lu-cn",
                "Luxembourg cooperates with China in the exploration and use of outer space",
                "The Ministry of the Economy and the China National Space Administration (CNSA) signed today a"
                        + " Memorandum of Understanding.",
                "Luxembourg, January 16, 2018", "2018-01-16", "en", null, 1, Instant.parse("2026-11-21T06:00:00Z"));
    }

    static EnrichedArticle enriched() {
        RawArticle raw = raw();
        Evidence lu = new Evidence(TextField.DATELINE, 0, 10, "Luxembourg", "dateline");
        Evidence cn = new Evidence(TextField.TITLE, 37, 42, "China", "name");
        Evidence mou = new Evidence(TextField.BODY, 87, 114, "Memorandum of Understanding", "phrase");
        return EnrichedArticle.of(raw,
                List.of(new CountryTag("LU", "Luxembourg", 2, true, List.of(lu)),
                        new CountryTag("CN", "China", 1, true, List.of(cn))),
                List.of(new AgreementTag(AgreementType.MEMORANDUM_OF_UNDERSTANDING, AgreementStatus.SIGNED,
                        List.of(new Party("Ministry of the Economy", "LU"), new Party("CNSA", "CN")),
                        "2018-01-16", List.of(mou))),
                new Versions("dictionary-1", "jdk-cldr-1", "phrases-1"),
                Instant.parse("2026-11-21T06:00:01Z"));
    }
}
