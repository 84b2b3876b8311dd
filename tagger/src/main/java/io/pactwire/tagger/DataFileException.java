package io.pactwire.tagger;

/** A tagger data file is invalid; the message names the file, the line and the entry. */
public final class DataFileException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public DataFileException(String message) {
        super(message);
    }
}
