package io.pactwire.tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated data file of the tagger: {@code #} comment lines, one {@code # version: V} line, and
 * rows of fields. Problems are {@link DataFileException}s naming the file and line.
 */
record DataFile(String name, String version, List<Row> rows) {

    /** One data line. */
    record Row(String file, int line, List<String> fields) {

        String field(int i) {
            return fields.get(i);
        }

        /** An error about this row: "file:line: message". */
        DataFileException error(String message) {
            return new DataFileException(file + ":" + line + ": " + message);
        }
    }

    static DataFile load(String resource, int fieldCount) {
        return load(resource, fieldCount, fieldCount);
    }

    /** Loads a file whose rows have between {@code minFields} and {@code maxFields} non-empty fields. */
    static DataFile load(String resource, int minFields, int maxFields) {
        InputStream in = DataFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new DataFileException(resource + ": not found on the classpath");
        }
        String version = null;
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String comment = line.substring(1).strip();
                    if (comment.startsWith("version:")) {
                        if (version != null) {
                            throw new DataFileException(resource + ":" + number + ": a second version line");
                        }
                        version = comment.substring("version:".length()).strip();
                    }
                    continue;
                }
                List<String> fields = List.of(line.split("\t", -1));
                if (fields.size() < minFields || fields.size() > maxFields || fields.stream().anyMatch(String::isBlank)) {
                    String expected = minFields == maxFields ? String.valueOf(minFields) : minFields + " to " + maxFields;
                    throw new DataFileException(resource + ":" + number + ": expected " + expected
                            + " non-empty tab-separated fields, got '" + line + "'");
                }
                rows.add(new Row(resource, number, fields.stream().map(String::strip).toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        if (version == null || version.isEmpty()) {
            throw new DataFileException(resource + ": no '# version: ...' line");
        }
        return new DataFile(resource, version, List.copyOf(rows));
    }
}
