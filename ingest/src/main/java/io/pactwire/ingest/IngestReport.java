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
     * Rejections counted by their cause ({@link #cause}): "HTTP 404" and "HTTP 410" count apart, two files over
     * the size limit together, and "not valid UTF-8 text" stays what it says.
     */
    public Map<String, Integer> rejectedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        rejected.forEach(r -> counts.merge(cause(r.reason()), 1, Integer::sum));
        return counts;
    }

    /**
     * The cause a reason names, what it has in common with every reason of the same cause: its words up to the
     * first colon, parenthesis or comma, and up to the first part that is the input's own (a URL, host name or
     * address, quoted text); a number on its own (a size, a line) is N, but an HTTP status stays, and so do the
     * digits of a word (UTF-8, ISO-8859-1). After a reason that only says where it failed ("linked page",
     * "cannot read", "not a valid RSS or Atom feed"), the cause that follows its colon is kept too.
     */
    public static String cause(String reason) {
        for (String wrapper : WRAPPERS) {
            if (reason.startsWith(wrapper + ": ")) {
                return wrapper + ": " + cause(reason.substring(wrapper.length() + 2));
            }
        }
        int end = reason.length();
        for (char stop : new char[] {':', '(', ','}) {
            int at = reason.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        StringBuilder cause = new StringBuilder();
        String previous = "";
        for (String token : reason.substring(0, end).strip().split("\\s+")) {
            if (OWN_PART.matcher(token).find()) {
                break;
            }
            cause.append(cause.length() == 0 ? "" : " ")
                    .append(NUMBER.matcher(token).matches() && !previous.equals("HTTP") ? "N" : token);
            previous = token;
        }
        return cause.length() == 0 ? reason.substring(0, end).strip() : cause.toString();
    }

    /** Reasons that say where a reading failed, followed by a colon and its cause. */
    private static final List<String> WRAPPERS = List.of("linked page", "cannot read", "not a valid RSS or Atom feed",
            "failed while reading", "not published", "publishedAt");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)?%?");
    /** A part of a reason that is the input's own: a URL, a host name or address, a path, quoted text. */
    private static final Pattern OWN_PART = Pattern.compile("://|^[\"'\u201C]|^/|^\\w[\\w-]*(?:\\.[\\w-]+)+\\.?$|^\\[?[0-9a-fA-F:]+:[0-9a-fA-F:]*\\]?$");

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
