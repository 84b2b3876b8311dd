package io.pactwire.enrich;

/**
 * What the enricher refuses to tag or to write, each refusal a dead letter.
 *
 * @param maxTaggableChars the most characters of title, dateline and body it tags ({@code enrich.max.body.chars})
 * @param maxResultBytes   the largest result it writes: {@code enrich.max.result.bytes}, or less when the output
 *                         topics take less ({@link #withinOutputTopics})
 */
public record EnrichLimits(int maxTaggableChars, int maxResultBytes) {
    /** Room for a record's key, headers and batch framing within a topic's max.message.bytes. */
    static final int RECORD_OVERHEAD_BYTES = 1024;

    public EnrichLimits {
        if (maxTaggableChars < 1 || maxResultBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxTaggableChars + " chars, " + maxResultBytes + " bytes");
        }
    }

    /** The limits of the settings alone. */
    public static EnrichLimits of(EnrichConfig config) {
        return new EnrichLimits(config.maxBodyChars(), config.maxResultBytes());
    }

    /**
     * These limits, with results also small enough for output topics whose smallest {@code max.message.bytes} is
     * {@code maxMessageBytes}. Under exactly-once a result the broker refuses would abort the whole transaction
     * and be retried forever, so it is dead-lettered before it is sent.
     */
    public EnrichLimits withinOutputTopics(int maxMessageBytes) {
        return new EnrichLimits(maxTaggableChars, Math.max(1, Math.min(maxResultBytes, maxMessageBytes - RECORD_OVERHEAD_BYTES)));
    }
}
