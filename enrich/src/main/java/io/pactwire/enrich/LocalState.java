package io.pactwire.enrich;

import io.pactwire.runtime.Incarnations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The enricher's local state on disk, which Kafka Streams keeps for the last-results store, and what it
 * belongs to.
 *
 * <p>Layout: {@code <enrich.state.dir>/<cluster id>/instance-<n>/}. A folder per cluster, so that state of
 * one cluster is never read against another; a slot per instance, so that several enrichers on one host (or
 * on one shared volume) each take the first slot no running instance holds, by a file lock held while the
 * enricher runs; a restart takes its slot, and its state, again. Inside a slot, {@code <application.id>/} is
 * Kafka Streams' own state directory and {@code <application.id>.incarnations} records the cluster id and the
 * topic ids (news.raw, the outputs, the changelog) that state was built from.
 *
 * <p>Streams restores a store from its changelog topic, but trusts local files whose checkpoint it finds: a
 * state that outlived its topics (the cluster's volume recreated, topics deleted and created again) would
 * make the enricher skip articles as "unchanged" that the new topics never held. So before Streams starts,
 * {@link #discardUnless} compares the record with the cluster as it is now, and discards the state, with one
 * INFO line saying why, when they differ or when there is no readable record: a state that cannot be checked
 * is not trusted. Discarding costs only a restore from the changelog.
 */
final class LocalState implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalState.class);
    private static final String SLOT_PREFIX = "instance-";
    private static final String LOCK_FILE = "pactwire.lock";
    private static final String RECORD_SUFFIX = ".incarnations";
    /** Slots tried before giving up: more enrichers than this on one host and cluster is a mistake. */
    static final int MAX_SLOTS = 64;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final Path slot;
    private final String applicationId;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LocalState(Path slot, String applicationId, FileChannel lockChannel, FileLock lock) {
        this.slot = slot;
        this.applicationId = applicationId;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes the first free slot of {@code base} for the cluster {@code clusterId}, creating folders as needed.
     *
     * @throws IllegalStateException when every slot is held or the folder cannot be written, naming it
     */
    static LocalState open(Path base, String clusterId, String applicationId) {
        Path clusterDir = base.resolve(UNSAFE.matcher(clusterId).replaceAll("_"));
        for (int n = 0; n < MAX_SLOTS; n++) {
            Path slot = clusterDir.resolve(SLOT_PREFIX + n);
            try {
                Files.createDirectories(slot);
                FileChannel channel = FileChannel.open(slot.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new LocalState(slot, applicationId, channel, lock);
                }
                channel.close();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot use the enricher's state folder " + slot + " (enrich.state.dir): " + e, e);
            }
        }
        throw new IllegalStateException("All " + MAX_SLOTS + " state slots under " + clusterDir
                + " are held by running enrichers (enrich.state.dir)");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another enricher in this JVM
        }
    }

    /** The folder to give Kafka Streams as {@code state.dir}. */
    Path streamsStateDir() {
        return slot;
    }

    /**
     * Discards the state unless its record says it was built from {@code now}'s cluster and topics; logs one
     * INFO line with the reason when it discards anything.
     *
     * @return the reason it was discarded, if it was
     */
    Optional<String> discardUnless(Incarnations now) {
        Path state = slot.resolve(applicationId);
        if (!hasContent(state)) {
            return Optional.empty();
        }
        Optional<Incarnations> before = recorded();
        Optional<String> reason;
        if (before.isEmpty()) {
            reason = Optional.of("it has no readable record of the cluster and topics it was built from");
        } else {
            List<String> differences = before.get().differences(now);
            reason = differences.isEmpty() ? Optional.empty()
                    : Optional.of("it was built from other topics than the cluster holds now: " + String.join("; ", differences));
        }
        reason.ifPresent(why -> {
            log.info("Discarding the enricher's local state in {}: {}; it is restored from the changelog", state, why);
            delete(state);
            delete(record());
        });
        return reason;
    }

    /** Records that the state is built from {@code incarnations}, replacing the file atomically. */
    void record(Incarnations incarnations) {
        Path target = record();
        Path temporary = slot.resolve(applicationId + RECORD_SUFFIX + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                incarnations.toProperties().store(out, "The cluster and topics the enricher's local state "
                        + applicationId + "/ was built from; the enricher discards the state when they differ");
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** What the record says, if there is a readable one. */
    Optional<Incarnations> recorded() {
        Path file = record();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(Incarnations.fromProperties(properties));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Unreadable record of the enricher's local state {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Path record() {
        return slot.resolve(applicationId + RECORD_SUFFIX);
    }

    private static boolean hasContent(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the enricher's stale state " + path, e);
        }
    }

    /** Releases the slot for the next enricher (or this one's restart). */
    @Override
    public void close() {
        if (!lock.isValid()) {
            return;
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Cannot release the lock of {}: {}", slot, e.getMessage());
        }
    }
}
