package io.pactwire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a user runs it ({@code java -jar target/pactwire.jar}): the services' class path
 * ({@code target/lib}) holds no broker, Scala or second logging stack, and {@code demo} loads the broker from
 * {@code target/lib-broker}, or says in one line that the installation has none (the container image).
 */
class PackagedJarIT {
    private static final Path JAR = Path.of("target/pactwire.jar");
    private static final Path LIB = Path.of("target/lib");

    private static List<String> jarNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }

    private static Process java(Path workDir, Path log, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PACTWIRE_") || key.startsWith("KAFKA_"));
        return builder.start();
    }

    @Test
    void theServicesClassPathHasNoBrokerScalaOrLog4j() throws IOException {
        List<String> lib = jarNames(LIB);
        assertThat(lib).as("target/lib").anyMatch(n -> n.startsWith("kafka-streams-"))
                .anyMatch(n -> n.startsWith("logback-classic-"))
                .noneMatch(n -> n.startsWith("kafka_2.13-") || n.startsWith("kafka-server-") || n.startsWith("kafka-raft-"))
                .noneMatch(n -> n.startsWith("scala-"))
                .noneMatch(n -> n.startsWith("log4j-"))
                .noneMatch(n -> n.startsWith("pactwire-embedded-kafka-"));
        assertThat(jarNames(Path.of("target/lib-broker"))).as("target/lib-broker")
                .anyMatch(n -> n.startsWith("kafka_2.13-")).anyMatch(n -> n.startsWith("pactwire-embedded-kafka-"));
    }

    @Test
    void demoRunsFromThePackagedJar(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("demo.log");
        Process demo = java(Path.of("."), log, JAR.toString(), "demo", "--samples", "../samples");
        assertThat(demo.waitFor(150, TimeUnit.SECONDS)).as("demo finished").isTrue();
        String output = Files.readString(log);
        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output).contains("Broker ready at").contains("MEMORANDUM_OF_UNDERSTANDING").contains("3 articles");
    }

    @Test
    void demoWithoutTheBrokerJarsSaysSoInOneLine(@TempDir Path dir) throws Exception {
        // the image's layout: the jar and lib/, no lib-broker/
        Files.copy(JAR, dir.resolve("pactwire.jar"));
        Files.createDirectory(dir.resolve("lib"));
        for (String name : jarNames(LIB)) {
            Files.copy(LIB.resolve(name), dir.resolve("lib").resolve(name));
        }
        Path log = dir.resolve("demo.log");
        Process demo = java(dir, log, "pactwire.jar", "demo", "--samples", Path.of("../samples").toAbsolutePath().toString());
        assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo finished").isTrue();
        String output = Files.readString(log);
        assertThat(demo.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("pactwire demo: demo needs Kafka's broker, which this installation leaves out")
                .contains(dir.resolve("lib-broker").toString())
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
