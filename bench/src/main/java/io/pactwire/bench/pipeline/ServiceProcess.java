package io.pactwire.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Pactwire service as its own JVM, `java -Xmx256m -jar app/target/pactwire.jar SERVICE`, which reports
 * its heap and CPU when it exits (-Dpactwire.resource.report). Its readiness is asked from outside, over
 * HTTP ({@code /health/ready} on {@code metrics.port}), or seen in its health file.
 */
final class ServiceProcess {
    static final String HEAP = "-Xmx256m";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What a service used. */
    record Usage(String service, long peakHeapAfterGcBytes, long peakHeapUsedBytes, long maxHeapBytes, long cpuMillis) {
    }

    private final String service;
    private final Process process;
    private final Path report;
    private final Path health;
    private final Path log;
    /** {@link System#nanoTime()} just before the process was started. */
    private final long startedNanos;

    private ServiceProcess(String service, Process process, Path report, Path health, Path log, long startedNanos) {
        this.service = service;
        this.process = process;
        this.report = report;
        this.health = health;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static ServiceProcess start(Path home, Path dir, String service, String bootstrap, List<String> args) throws IOException {
        return start(home, dir, service, bootstrap, HEAP, Map.of(), args);
    }

    /**
     * Starts {@code service} with the heap limit {@code heap} ({@code -Xmx...}) and {@code environment} added to
     * the process's (whose {@code PACTWIRE_*} and {@code KAFKA_*} variables are removed: the service reads only
     * what the benchmark gives it).
     */
    static ServiceProcess start(Path home, Path dir, String service, String bootstrap, String heap,
                                Map<String, String> environment, List<String> args) throws IOException {
        Path jar = home.resolve("app/target/pactwire.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./pactwire builds it)");
        }
        Path report = dir.resolve(service + ".usage.json");
        Path health = dir.resolve(service + ".healthy");
        Path log = dir.resolve(service + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-Dpactwire.resource.report=" + report, "-jar", jar.toString(), service,
                "--bootstrap-servers", bootstrap, "--set", "health.file=" + health));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the service reads only what the benchmark gives it
        builder.environment().keySet().removeIf(name -> name.startsWith("PACTWIRE_") || name.startsWith("KAFKA_"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ServiceProcess(service, builder.start(), report, health, log, started);
    }

    String service() {
        return service;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Asks {@code http://127.0.0.1:PORT/health/ready} every 10 ms until it answers 200; the nanoseconds from
     * the process's start to that answer.
     */
    long awaitReady(int port, Duration timeout) throws InterruptedException, IOException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime() - startedNanos;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service + " was not ready within " + timeout + "; log: " + logTail());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /** Nanoseconds from the process's start to {@code nanoTime}. */
    long sinceStart(long nanoTime) {
        return nanoTime - startedNanos;
    }

    void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(health)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service + " did not become healthy; log: " + logTail());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(service + " did not finish within " + timeout + "; log: " + logTail());
        }
        return process.exitValue();
    }

    /** SIGTERM, and wait for the service to close. */
    void stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(service + " did not stop within 60 s; log: " + logTail());
        }
    }

    void kill() {
        process.destroyForcibly();
    }

    Usage usage() throws IOException {
        if (!Files.exists(report)) {
            throw new IllegalStateException(service + " wrote no resource report; log: " + logTail());
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        return new Usage(service, json.path("peakHeapAfterGcBytes").asLong(), json.path("peakHeapUsedBytes").asLong(),
                json.path("maxHeapBytes").asLong(), json.path("cpuMillis").asLong());
    }

    String logTail() throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
