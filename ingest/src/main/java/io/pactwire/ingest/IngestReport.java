package io.pactwire.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an ingest run did with every input: each one was published, rejected with a reason, or skipped
 * as not an article format.
 *
 * @param published the ids published, in input order
 * @param rejected  the inputs not taken, each with its source and reason
 * @param skipped   files in folders that are not article formats
 */
public record IngestReport(List<Published> published, List<Input.Rejected> rejected, List<Input.Skipped> skipped) {

    /** One published article. */
    public record Published(String id, String source) {
    }

    public IngestReport {
        published = List.copyOf(published);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    public boolean allPublished() {
        return rejected.isEmpty();
    }

    /** Rejections counted by reason. */
    public Map<String, Integer> rejectedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        rejected.forEach(r -> counts.merge(r.reason(), 1, Integer::sum));
        return counts;
    }

    /** One line: "published 3, rejected 1, skipped 0". */
    public String summary() {
        return "published " + published.size() + ", rejected " + rejected.size() + ", skipped " + skipped.size();
    }
}
