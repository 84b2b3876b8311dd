package io.pactwire.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads the files and folders of a watch: at each pass, the files that are new or changed and have stopped
 * changing for the settle interval ({@link SettledFiles}), each with the reader's own reading. What {@code ingest
 * --watch} does with a path at each pass, and what the Kafka Connect source does with a folder input.
 */
public final class SettledReading {
    private final InputReader reader;
    private final SettledFiles files;

    public SettledReading(InputReader reader, Duration settle, Clock clock) {
        this.reader = reader;
        this.files = new SettledFiles(settle, clock);
    }

    /**
     * Reads what of {@code path} (a folder, or a file) is ready.
     *
     * @param firstPass the watch's first pass: a file last modified at least the settle interval ago is read at once
     */
    public void read(Path path, boolean firstPass, Consumer<Input> sink) {
        for (LocalFiles.Entry entry : files.ready(path, firstPass)) {
            reader.readEntry(entry, sink, entry.path().equals(path));
        }
    }

    /** Whether a file was seen new or changed and waits to settle. */
    public boolean waiting() {
        return files.waiting();
    }
}
