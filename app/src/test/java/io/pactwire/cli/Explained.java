package io.pactwire.cli;

import org.awaitility.core.ConditionTimeoutException;

import java.util.function.Supplier;

/** Runs a check of an IT whose services run beside it; a failure carries what the services logged. */
final class Explained {
    /** A check: assertions, or an await that times out. */
    interface Check {
        void run() throws Exception;
    }

    private Explained() {
    }

    static void run(Check check, Supplier<String> serviceLog) throws Exception {
        try {
            check.run();
        } catch (AssertionError | ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n----- service log -----\n" + serviceLog.get(), e);
        }
    }
}
