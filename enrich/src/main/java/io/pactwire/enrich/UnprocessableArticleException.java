package io.pactwire.enrich;

import io.pactwire.runtime.PoisonRecordException;

/**
 * A raw record the enricher refuses: no key, a key that is not the value's id, a body over the limit, or
 * a result too large for the output topic ({@link EnrichDecision.DeadLetter}). The processing exception handler
 * dead-letters it.
 */
public final class UnprocessableArticleException extends PoisonRecordException {
    private static final long serialVersionUID = 1L;

    public UnprocessableArticleException(String message) {
        super(message);
    }
}
