package io.pactwire.ingest;

import io.pactwire.ingest.SettledFiles.Seen;
import io.pactwire.ingest.SettledFiles.Stamp;
import io.pactwire.ingest.SettledFiles.Step;
import io.pactwire.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** When a watched file is read: only once its size and modification time have stayed put for the settle interval. */
class SettledFilesTest {
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    /** A file last written 10 s before T, and the same file grown by a second write 1 s before T. */
    private static final Stamp OLD = new Stamp(100, T.minusSeconds(10).toEpochMilli());
    private static final Stamp GROWN = new Stamp(180, T.minusSeconds(1).toEpochMilli());

    static Stream<Arguments> observations() {
        return Stream.of(
                // case, known before, stamp now, at, first pass, read now, known after
                Arguments.of("first pass: not modified for the interval, read at once",
                        null, OLD, T, true, true, new Seen(OLD, T, true)),
                Arguments.of("first pass: modified just before, left for later",
                        null, GROWN, T, true, false, new Seen(GROWN, T, false)),
                Arguments.of("first pass: modified in the future (a share's clock), left for later",
                        null, new Stamp(5, T.plusSeconds(60).toEpochMilli()), T, true, false,
                        new Seen(new Stamp(5, T.plusSeconds(60).toEpochMilli()), T, false)),
                Arguments.of("later pass: a new file is never read at first sight, whatever its time",
                        null, OLD, T, false, false, new Seen(OLD, T, false)),
                Arguments.of("unchanged for less than the interval: wait",
                        new Seen(GROWN, T, false), GROWN, T.plusMillis(1999), false, false, new Seen(GROWN, T, false)),
                Arguments.of("unchanged for the interval: read",
                        new Seen(GROWN, T, false), GROWN, T.plusSeconds(2), false, true, new Seen(GROWN, T, true)),
                Arguments.of("changed again meanwhile: the interval starts again",
                        new Seen(OLD, T, false), GROWN, T.plusSeconds(5), false, false, new Seen(GROWN, T.plusSeconds(5), false)),
                Arguments.of("only the size changed: still changing",
                        new Seen(OLD, T, false), new Stamp(150, OLD.modifiedMillis()), T.plusSeconds(5), false, false,
                        new Seen(new Stamp(150, OLD.modifiedMillis()), T.plusSeconds(5), false)),
                Arguments.of("only the time changed (rewritten, same size): still changing",
                        new Seen(OLD, T, true), new Stamp(100, T.toEpochMilli()), T.plusSeconds(5), false, false,
                        new Seen(new Stamp(100, T.toEpochMilli()), T.plusSeconds(5), false)),
                Arguments.of("read and unchanged: not read again",
                        new Seen(OLD, T, true), OLD, T.plusSeconds(60), false, false, new Seen(OLD, T, true)),
                Arguments.of("read, then edited: a new stamp to settle",
                        new Seen(OLD, T, true), GROWN, T.plusSeconds(60), false, false, new Seen(GROWN, T.plusSeconds(60), false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("observations")
    void aFileIsReadOnlyOnceItHasStoppedChanging(String name, Seen before, Stamp now, Instant at, boolean firstPass,
                                                  boolean read, Seen after) {
        assertThat(SettledFiles.observe(before, now, at, SETTLE, firstPass)).isEqualTo(new Step(after, read));
    }

    @Test
    void withNoSettleIntervalAFileIsReadAsSoonAsItIsSeen() {
        assertThat(SettledFiles.observe(null, GROWN, T, Duration.ZERO, false)).isEqualTo(new Step(new Seen(GROWN, T, true), true));
    }

    @Test
    void aFolderGivesItsFilesOnceSettledAndNeverLosesOneStillChanging(@TempDir Path dir) throws IOException {
        ManualClock clock = new ManualClock(T);
        Path settled = Files.writeString(dir.resolve("a.txt"), "There before the watch");
        Files.setLastModifiedTime(settled, FileTime.from(T.minusSeconds(60)));
        Path writing = Files.writeString(dir.resolve("b.txt"), "First half");
        Files.setLastModifiedTime(writing, FileTime.from(T));
        SettledFiles files = new SettledFiles(SETTLE, clock);

        assertThat(paths(files.ready(dir, true))).containsExactly(settled);
        clock.advance(Duration.ofSeconds(1));
        Files.writeString(writing, "First half, and the second half");
        Files.setLastModifiedTime(writing, FileTime.from(clock.instant()));
        assertThat(paths(files.ready(dir, false))).as("b.txt changed since it was seen").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(paths(files.ready(dir, false))).as("unchanged for 1 s only").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(paths(files.ready(dir, false))).containsExactly(writing);
        clock.advance(Duration.ofSeconds(10));
        assertThat(paths(files.ready(dir, false))).as("nothing changed").isEmpty();
    }

    @Test
    void aFileWaitingToSettleIsWaitingUntilReadOrGone(@TempDir Path dir) throws IOException {
        ManualClock clock = new ManualClock(T);
        SettledFiles files = new SettledFiles(SETTLE, clock);
        assertThat(paths(files.ready(dir, true))).isEmpty();
        assertThat(files.waiting()).isFalse();

        Path kept = Files.writeString(dir.resolve("kept.txt"), "Kept");
        Path deleted = Files.writeString(dir.resolve("deleted.txt"), "Deleted before it settled");
        assertThat(paths(files.ready(dir, false))).isEmpty();
        assertThat(files.waiting()).isTrue();
        clock.advance(SETTLE);
        Files.delete(deleted);
        assertThat(paths(files.ready(dir, false))).containsExactly(kept);
        assertThat(files.waiting()).as("the deleted file is not waited for").isFalse();
    }

    private static java.util.List<Path> paths(java.util.List<LocalFiles.Entry> entries) {
        return entries.stream().map(LocalFiles.Entry::path).toList();
    }
}
