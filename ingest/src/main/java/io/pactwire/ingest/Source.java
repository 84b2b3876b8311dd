package io.pactwire.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of source an argument names: a URL, or a local file or folder. The one place that decides it, for
 * {@code ingest}'s arguments ({@link IngestService}), for {@link InputReader#readArguments} and for the Kafka
 * Connect source's inputs; what a file holds is told later, by its extension, when it is read.
 */
public sealed interface Source {

    /**
     * A URL: http and https ones are fetched, any other scheme is rejected with its reason when read.
     *
     * @param url the argument as given
     */
    record Url(String url) implements Source {
    }

    /**
     * A local path: a file, or a folder read recursively; one that is not there is rejected when read (and picked
     * up by a watch once it is).
     */
    record Local(Path path) implements Source {
        /** Whether it is named as a feed file, read again at every poll like a feed URL ({@link InputReader#FEED_EXTENSIONS}). */
        public boolean isFeedFile() {
            Path name = path.getFileName();
            if (name == null) {
                return false;
            }
            String text = name.toString();
            int dot = text.lastIndexOf('.');
            return dot >= 0 && InputReader.FEED_EXTENSIONS.contains(text.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
    }

    Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** "C:\..." or "C:/..." is a Windows path, not a URL with scheme "c". */
    Pattern WINDOWS_DRIVE = Pattern.compile("^[a-zA-Z]:[\\\\/].*");

    /** The source an argument names. */
    static Source of(String argument) {
        return isUrl(argument) ? new Url(argument) : new Local(Path.of(argument));
    }

    /** Whether an argument names a URL (any scheme) rather than a path. */
    static boolean isUrl(String argument) {
        return SCHEME.matcher(argument).find() && !WINDOWS_DRIVE.matcher(argument).matches();
    }
}
