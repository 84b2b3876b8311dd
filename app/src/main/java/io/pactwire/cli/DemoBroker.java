package io.pactwire.cli;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded Kafka broker of {@code demo}, loaded only when a demo runs. Kafka's broker (with Scala and
 * log4j) is not on the services' class path: the build copies it to {@code lib-broker/} beside
 * {@code pactwire.jar}, and the container image leaves that folder out, since its services run against a
 * cluster. On the test class path the broker is already there and is used as it is.
 *
 * @param bootstrapServers where clients reach the broker
 * @param closer           stops the broker and removes its data
 */
record DemoBroker(String bootstrapServers, AutoCloseable closer) implements AutoCloseable {
    static final String BROKER_CLASS = "io.pactwire.embedded.EmbeddedKafkaBroker";
    static final String FOLDER = "lib-broker";

    /** The broker is missing from this installation: a person reads {@link #getMessage()}. */
    static final class MissingBrokerException extends Exception {
        MissingBrokerException(String message) {
            super(message);
        }
    }

    /** Starts a broker on {@code port} (0: any free port), waiting at most {@code timeout} for it. */
    static DemoBroker start(int port, Duration timeout) throws Exception {
        Class<?> type = brokerClass(DemoBroker.class.getClassLoader(), jarFolder());
        Object broker;
        // Kafka's configs name classes that are loaded through the thread's context class loader: the
        // broker's, while it starts (its threads keep it); the caller's own afterwards.
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(type.getClassLoader());
        try {
            broker = type.getMethod("start", int.class, Duration.class).invoke(null, port, timeout);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(callers);
        }
        String servers = (String) type.getMethod("bootstrapServers").invoke(broker);
        return new DemoBroker(servers, (AutoCloseable) broker);
    }

    /**
     * The broker's class: from {@code loader} when it has it (tests, a class path that includes it), else from
     * the jars of {@code <jarFolder>/lib-broker}.
     */
    static Class<?> brokerClass(ClassLoader loader, Path jarFolder) throws MissingBrokerException, IOException {
        try {
            return Class.forName(BROKER_CLASS, false, loader);
        } catch (ClassNotFoundException notOnClassPath) {
            Path folder = jarFolder == null ? null : jarFolder.resolve(FOLDER);
            if (folder == null || !Files.isDirectory(folder)) {
                throw new MissingBrokerException("demo needs Kafka's broker, which this installation leaves out"
                        + (folder == null ? "" : " (no " + folder + ")")
                        + ": run ./pactwire demo from a checkout of Pactwire, or run the services against a cluster");
            }
            List<URL> jars = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(toUrl(jar));
                }
            }
            // the broker's jars see the services' (Kafka clients, logging) through the parent loader
            URLClassLoader brokerLoader = new URLClassLoader("pactwire-broker", jars.toArray(URL[]::new), loader);
            try {
                return Class.forName(BROKER_CLASS, true, brokerLoader);
            } catch (ClassNotFoundException e) {
                throw new MissingBrokerException("demo needs Kafka's broker, but " + folder + " does not hold "
                        + BROKER_CLASS + ": rebuild with ./mvnw -pl app -am package");
            }
        }
    }

    private static URL toUrl(Path jar) throws IOException {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IOException("cannot load " + jar, e);
        }
    }

    /** The folder of the jar (or classes folder) this class was loaded from, or null when unknown. */
    private static Path jarFolder() {
        try {
            var source = DemoBroker.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).getParent();
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
