package io.pactwire.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of a watched folder that are new or changed and have stopped changing, so that {@code ingest
 * --watch} never publishes a file caught while it is being written (copied over a slow share, saved in two
 * steps): such a file would become a truncated revision in {@code news.raw} for good.
 *
 * <p>A file is stable when its size and modification time are the same as they were at least the settle
 * interval ({@code ingest.watch.settle.ms}) before, by this watch's own observations and clock, so the
 * clock of a network share's server does not matter. At the first pass of a watch there are no earlier
 * observations: a file last modified at least the settle interval ago is stable then, so what was there at
 * start is read at once, while a file modified just before is left for a later pass. A file still changing
 * is looked at again at every pass until it is stable; it is never dropped, and while one waits the watch
 * passes come at least every settle interval ({@link #waiting()}). A file whose attributes cannot be read is
 * handed over at once: reading it reports why. A file gone from its folder is forgotten. What the folder
 * holds that is not read ({@link LocalFiles}: a FIFO, a link out of the folder, a subfolder that cannot be
 * listed) is handed over once, to be reported, and again only when its reason changes.
 */
final class SettledFiles {
    private static final Logger log = LoggerFactory.getLogger(SettledFiles.class);

    /** What a listing shows of a file. */
    record Stamp(long size, long modifiedMillis) {
    }

    /**
     * What this watch knows of one file.
     *
     * @param stamp the stamp last seen
     * @param since when that stamp was first seen
     * @param read  whether the file was handed over to be read with that stamp
     */
    record Seen(Stamp stamp, Instant since, boolean read) {
    }

    /** What one observation decides: the file's new state, and whether to read it now. */
    record Step(Seen seen, boolean read) {
    }

    private final Duration settle;
    private final Clock clock;
    private final Map<Path, Seen> seen = new HashMap<>();
    /** What was reported not read, and why: reported again only when the reason changes. */
    private final Map<Path, String> refused = new HashMap<>();
    private final LocalFiles files;

    SettledFiles(Duration settle, Clock clock) {
        this(settle, clock, LocalFiles.SYSTEM);
    }

    SettledFiles(Duration settle, Clock clock, LocalFiles files) {
        this.settle = settle;
        this.clock = clock;
        this.files = files;
    }

    /**
     * One observation of a file.
     *
     * @param before    what was known of it, or null for a file not seen before
     * @param now       its stamp now
     * @param at        now
     * @param firstPass whether this is the watch's first pass, when a file not modified for the settle
     *                  interval is stable without an earlier observation
     */
    static Step observe(Seen before, Stamp now, Instant at, Duration settle, boolean firstPass) {
        Seen current = before != null && before.stamp().equals(now) ? before : new Seen(now, at, false);
        if (current.read()) {
            return new Step(current, false);
        }
        boolean stable = atLeast(current.since(), at, settle)
                || firstPass && atLeast(Instant.ofEpochMilli(now.modifiedMillis()), at, settle);
        return stable ? new Step(new Seen(now, current.since(), true), true) : new Step(current, false);
    }

    private static boolean atLeast(Instant from, Instant to, Duration settle) {
        return Duration.between(from, to).compareTo(settle) >= 0;
    }

    /** Whether a file seen new or changed is waiting to settle. */
    boolean waiting() {
        return seen.values().stream().anyMatch(s -> !s.read());
    }

    /**
     * The entries under {@code root} (a folder, or one file) to read now, in name order: the files that have
     * settled, and what is not read ({@link LocalFiles.Refused}, {@link LocalFiles.Ignored}) once per reason,
     * so that a FIFO or a link out of the folder is reported when it appears, not at every pass.
     */
    List<LocalFiles.Entry> ready(Path root, boolean firstPass) {
        List<LocalFiles.Entry> ready = new ArrayList<>();
        Set<Path> listed = new HashSet<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            forgetGone(root, listed, List.of());
            return ready;
        }
        Instant at = clock.instant();
        List<LocalFiles.Entry> entries = Files.isDirectory(root) ? files.list(root) : List.of(LocalFiles.inspect(root));
        List<Path> unlisted = new ArrayList<>();
        for (LocalFiles.Entry entry : entries) {
            listed.add(entry.path());
            if (entry instanceof LocalFiles.Readable readable) {
                refused.remove(entry.path());
                observe(readable, at, firstPass, ready);
            } else {
                // a folder that cannot be listed hides its files: they are not gone
                unlisted.add(entry.path());
                String reason = entry instanceof LocalFiles.Refused r ? r.reason() : ((LocalFiles.Ignored) entry).reason();
                if (!reason.equals(refused.put(entry.path(), reason))) {
                    ready.add(entry);
                }
            }
        }
        forgetGone(root, listed, unlisted);
        return ready;
    }

    private void observe(LocalFiles.Readable file, Instant at, boolean firstPass, List<LocalFiles.Entry> ready) {
        Stamp stamp;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.target(), BasicFileAttributes.class);
            stamp = new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            ready.add(file); // reading it reports why
            return;
        }
        Step step = observe(seen.get(file.path()), stamp, at, settle, firstPass);
        seen.put(file.path(), step.seen());
        if (step.read()) {
            ready.add(file);
        } else if (!step.seen().read()) {
            log.debug("{} is still changing or just changed; read once unchanged for {} ms", file.path(), settle.toMillis());
        }
    }

    /**
     * Forgets the entries under {@code root} that are gone, so that one deleted while it settled is not waited
     * for, and one refused that comes back is reported again; what is under a folder that could not be listed
     * is kept.
     */
    private void forgetGone(Path root, Set<Path> listed, List<Path> unlisted) {
        java.util.function.Predicate<Path> gone = file -> file.startsWith(root) && !listed.contains(file)
                && unlisted.stream().noneMatch(file::startsWith);
        seen.keySet().removeIf(gone);
        refused.keySet().removeIf(gone);
    }
}
