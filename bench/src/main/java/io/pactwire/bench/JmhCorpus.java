package io.pactwire.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The corpus of the JMH benchmarks: {@code -Dpactwire.corpus=FILE}, JSON lines with title, dateline and
 * body; by default {@code ../shared/eval/dev.jsonl}, the dev set, read from where it is and never copied.
 */
final class JmhCorpus {
    private JmhCorpus() {
    }

    static Path file() {
        return Path.of(System.getProperty("pactwire.corpus", "../shared/eval/dev.jsonl"));
    }

    /** The corpus's lines that are not blank. */
    static List<String> lines() {
        Path file = file();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the corpus " + file.toAbsolutePath() + " (set -Dpactwire.corpus=FILE)", e);
        }
    }
}
