package io.pactwire.model;

/** The serdes of the event records, one per type. */
public final class Serdes {
    public static final JsonSerde<RawArticle> RAW_ARTICLE = new JsonSerde<>(RawArticle.class);
    public static final JsonSerde<EnrichedArticle> ENRICHED_ARTICLE = new JsonSerde<>(EnrichedArticle.class);
    public static final JsonSerde<AgreementRecord> AGREEMENT_RECORD = new JsonSerde<>(AgreementRecord.class);

    private Serdes() {
    }
}
