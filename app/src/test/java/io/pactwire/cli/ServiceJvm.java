package io.pactwire.cli;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Pactwire service ({@code enrich}, {@code store}) as a JVM of its own, started from this test's own
 * classpath as {@code java -cp ... io.pactwire.cli.Pactwire SERVICE --bootstrap-servers ...}, with a small
 * heap. Its stdout and stderr go to a file, so a failing assertion can show what the service said; it
 * touches a health file of its own while healthy. For fault tests: it can be killed with SIGKILL.
 */
final class ServiceJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Path health;

    private ServiceJvm(String name, Process process, Path log, Path health) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.health = health;
    }

    /**
     * Starts {@code service}; {@code name} names its log ({@code dir/NAME.log}) and health file, so that a
     * restarted service gets files of its own.
     */
    static ServiceJvm start(String service, String name, String bootstrapServers, Path dir, List<String> settings)
            throws IOException {
        Path log = dir.resolve(name + ".log");
        Path health = dir.resolve(name + ".healthy");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                Pactwire.class.getName(), service,
                "--bootstrap-servers", bootstrapServers,
                "--set", "health.file=" + health));
        for (String setting : settings) {
            command.add("--set");
            command.add(setting);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the service reads only what the test gives it
        builder.environment().keySet().removeIf(key -> key.startsWith("PACTWIRE_") || key.startsWith("KAFKA_"));
        return new ServiceJvm(name, builder.start(), log, health);
    }

    /** Waits until the service says it is healthy; fails at once if it exits first. */
    ServiceJvm awaitHealthy(Duration timeout) {
        try {
            Awaitility.await(name + " healthy").atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + output());
                        }
                        return Files.exists(health);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " not healthy within " + timeout + ":\n" + output(), e);
        }
        return this;
    }

    /** SIGKILL: the JVM dies at once, no shutdown hook runs, a transaction in flight stays open. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still alive 30 s after SIGKILL");
        }
    }

    /** Waits until the service exits by itself and returns its exit code; fails if it still runs after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + ":\n" + tail(40));
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the service printed so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines the service printed, headed by its name: for assertion messages. */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        return "----- " + name + " (" + (process.isAlive() ? "running" : "exit " + process.exitValue()) + "), last "
                + Math.min(lines, all.size()) + " of " + all.size() + " lines -----\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** SIGTERM, as an operator stops a service; waits for it to close. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
