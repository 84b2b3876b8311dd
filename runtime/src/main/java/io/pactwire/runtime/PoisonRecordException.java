package io.pactwire.runtime;

/**
 * One record a service refuses by its own checks (no key, a key that is not its id, over a size limit): the
 * {@link FailurePolicy} classifies it {@link Failure.Kind#POISON}, and the service dead-letters the record and
 * goes on. The message says why and names the limit's setting when a limit refused it.
 */
public class PoisonRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PoisonRecordException(String message) {
        super(message);
    }
}
