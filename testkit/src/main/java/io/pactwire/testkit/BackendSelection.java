package io.pactwire.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Decides which backend a test class runs against; see {@link Backend#AUTO}. */
final class BackendSelection {
    static final String BACKEND_PROPERTY = "pactwire.test.kafka";
    static final String BACKEND_ENV = "PACTWIRE_TEST_KAFKA";
    static final String BOOTSTRAP_PROPERTY = "pactwire.test.bootstrap.servers";
    static final String BOOTSTRAP_ENV = "PACTWIRE_TEST_BOOTSTRAP_SERVERS";

    private BackendSelection() {
    }

    static Backend choose(Backend requested, Properties system, Map<String, String> env) {
        if (requested != Backend.AUTO) {
            return requested;
        }
        String named = firstNonBlank(system.getProperty(BACKEND_PROPERTY), env.get(BACKEND_ENV));
        if (named != null) {
            try {
                Backend backend = Backend.valueOf(named.strip().toUpperCase(Locale.ROOT));
                if (backend != Backend.AUTO) {
                    return backend;
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(BACKEND_PROPERTY + "=" + named
                        + " is not a backend; use embedded, testcontainers or external", e);
            }
        }
        return bootstrapServers(system, env) != null ? Backend.EXTERNAL : Backend.EMBEDDED;
    }

    static String bootstrapServers(Properties system, Map<String, String> env) {
        return firstNonBlank(system.getProperty(BOOTSTRAP_PROPERTY), env.get(BOOTSTRAP_ENV));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
