package io.pactwire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What ingest may read of the local file system, and why not when it may not (issue 17). Only regular
 * files are read: a FIFO would block the run for ever and a device ({@code /dev/zero}) never ends, so
 * either is refused by its type, without being opened. In a folder, a symbolic link is read only when its
 * real target is a regular file inside the folder's real path, and by the target's name, which says what
 * the file is; a link out of the folder (to a client properties file with a password, say) is refused,
 * as is a looping or broken link. A subfolder that cannot be listed is one refusal, and the files beside
 * it are read. Every refusal says why.
 */
final class LocalFiles {
    /** The real file system. */
    static final LocalFiles SYSTEM = new LocalFiles(Folders.SYSTEM);

    /** How a folder's entries are listed: the file system, or a test's stand-in (root reads any folder). */
    @FunctionalInterface
    interface Folders {
        Folders SYSTEM = folder -> {
            try (Stream<Path> entries = Files.list(folder)) {
                return entries.toList();
            }
        };

        List<Path> list(Path folder) throws IOException;
    }

    /** One entry of a listing, or one file named, as ingest will treat it. */
    sealed interface Entry {
        /** The path as listed or named: the input's source. */
        Path path();
    }

    /**
     * A regular file to read.
     *
     * @param path   as listed or named
     * @param target the real file: {@code path} itself, or the regular file a link leads to
     */
    record Readable(Path path, Path target) implements Entry {
    }

    /** What is not read, and why: an input rejected. */
    record Refused(Path path, String reason) implements Entry {
    }

    /** What is not read and is no problem: a link to a folder inside the folder, whose files are read there. */
    record Ignored(Path path, String reason) implements Entry {
    }

    private final Folders folders;

    LocalFiles(Folders folders) {
        this.folders = folders;
    }

    /**
     * Every entry under {@code root}, a folder, recursively, in path order; hidden files ({@code .DS_Store},
     * editor swap files) left out. The walk keeps its folders on an explicit stack, so a deep tree costs no
     * stack, and never follows a link to a folder, so it cannot loop.
     */
    List<Entry> list(Path root) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return List.of(new Refused(root, "cannot list folder: " + cause(e)));
        }
        List<Entry> entries = new ArrayList<>();
        Deque<Path> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Path folder = pending.pop();
            List<Path> children;
            try {
                children = folders.list(folder);
            } catch (IOException e) {
                entries.add(new Refused(folder, "cannot list folder: " + cause(e)));
                continue;
            }
            for (Path child : children) {
                BasicFileAttributes own;
                try {
                    own = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    entries.add(new Refused(child, "cannot read: " + cause(e)));
                    continue;
                }
                if (own.isDirectory()) {
                    pending.push(child);
                } else if (!child.getFileName().toString().startsWith(".")) {
                    entries.add(own.isSymbolicLink() ? link(child, realRoot) : own.isRegularFile()
                            ? new Readable(child, child) : new Refused(child, notRegular(child)));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    /** A link found in the folder whose real path is {@code realRoot}. */
    private static Entry link(Path link, Path realRoot) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            String cause = cause(e);
            return new Refused(link, e instanceof NoSuchFileException ? "broken link: its target does not exist"
                    : cause.startsWith("looping link") ? cause : "cannot follow link: " + cause);
        }
        if (!target.startsWith(realRoot)) {
            return new Refused(link, "link leads out of the folder: " + target);
        }
        if (Files.isDirectory(target)) {
            return new Ignored(link, "link to a folder inside the folder, whose files are read there");
        }
        return Files.isRegularFile(target) ? new Readable(link, target) : new Refused(link, notRegular(target));
    }

    /** One file named by the user or watched on its own: any regular file, through links wherever they lead. */
    static Entry inspect(Path file) {
        try {
            Path target = file.toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                return new Readable(file, target);
            }
            return new Refused(file, attributes.isDirectory() ? "cannot read: is a directory" : notRegular(target));
        } catch (NoSuchFileException e) {
            return new Refused(file, "no such file");
        } catch (IOException e) {
            return new Refused(file, "cannot read: " + cause(e));
        }
    }

    /**
     * At most {@code limit + 1} bytes of a file, whatever its size says: a file under {@code /proc} says 0 and
     * a file may grow while it is read. More than {@code limit} bytes back means the file is over the limit.
     */
    static byte[] readAtMost(Path file, long limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        }
    }

    /** Why a special file is not read, by its type. */
    static String notRegular(Path file) {
        return "not a regular file (" + specialType(file) + ")";
    }

    private static String specialType(Path file) {
        try {
            // the type bits of st_mode (S_IFMT)
            int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0010000 -> "FIFO";
                case 0020000 -> "character device";
                case 0060000 -> "block device";
                case 0140000 -> "socket";
                default -> "special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "special file"; // no unix view (Windows): the type is unknown, not the verdict
        }
    }

    /** The cause of an I/O failure in a few words: "no such file", "permission denied", "is a directory", … */
    static String cause(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "looping link";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String reason = fse.getReason();
            if (reason.contains("Too many levels of symbolic links")) {
                return "looping link (too many levels of symbolic links)";
            }
            return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
