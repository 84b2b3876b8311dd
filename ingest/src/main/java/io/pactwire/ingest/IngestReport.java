package io.pactwire.ingest;

import io.pactwire.model.Printable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an ingest run did with every input: each one was published, found unchanged (already in
 * {@code news.raw} with the same content), rejected with a reason, or skipped as not an article format.
 * Inputs read = published + unchanged + rejected + skipped.
 *
 * @param published the articles published, in the order acknowledged
 * @param unchanged the articles not published again because {@code news.raw} holds them with the same content
 * @param rejected  the inputs not taken, each with its source and reason
 * @param skipped   files in folders that are not article formats
 */
public record IngestReport(List<Published> published, List<Unchanged> unchanged, List<Input.Rejected> rejected,
                           List<Input.Skipped> skipped) {
    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    /** One published article, at its revision (1 for a new article); id and source escaped for printing ({@link Printable}). */
    public record Published(String id, String source, int revision) {
        public Published {
            id = Printable.escape(id);
            source = Printable.escape(source);
        }

        public Published(String id, String source) {
            this(id, source, 1);
        }
    }

    /** One article already published with the same content; escaped as {@link Published}. */
    public record Unchanged(String id, String source) {
        public Unchanged {
            id = Printable.escape(id);
            source = Printable.escape(source);
        }
    }

    public IngestReport {
        published = List.copyOf(published);
        unchanged = List.copyOf(unchanged);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    public IngestReport(List<Published> published, List<Input.Rejected> rejected, List<Input.Skipped> skipped) {
        this(published, List.of(), rejected, skipped);
    }

    public boolean allPublished() {
        return rejected.isEmpty();
    }

    /** Inputs accounted for. */
    public int inputs() {
        return published.size() + unchanged.size() + rejected.size() + skipped.size();
    }

    /**
     * Rejections counted by kind of reason: the reason up to its first colon or parenthesis, numbers
     * folded, so "HTTP 404 (client error)" and "HTTP 410 (client error)" count apart but two files over
     * the size limit count together.
     */
    public Map<String, Integer> rejectedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        rejected.forEach(r -> counts.merge(kind(r.reason()), 1, Integer::sum));
        return counts;
    }

    public static String kind(String reason) {
        if (reason.startsWith("HTTP ")) {
            return reason.split(" ", 3)[0] + " " + reason.split(" ", 3)[1];
        }
        int end = reason.length();
        for (char stop : new char[] {':', '('}) {
            int at = reason.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return NUMBERS.matcher(reason.substring(0, end).strip()).replaceAll("N");
    }

    /** One line: "published 3, unchanged 1, rejected 2 (HTTP 404: 1, no article text: 1), skipped 0". */
    public String summary() {
        StringBuilder line = new StringBuilder("published " + published.size() + ", unchanged " + unchanged.size()
                + ", rejected " + rejected.size());
        if (!rejected.isEmpty()) {
            StringBuilder reasons = new StringBuilder();
            rejectedByReason().forEach((reason, count) -> reasons.append(reasons.length() == 0 ? "" : ", ")
                    .append(reason).append(": ").append(count));
            line.append(" (").append(reasons).append(')');
        }
        // the reasons are escaped already (Input.Rejected); escaped again, the line stays one line whatever adds to it
        return Printable.escape(line.append(", skipped ").append(skipped.size()).toString());
    }
}
