package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngestReportTest {

    @Test
    void theSummaryCountsEveryOutcomeAndRejectionsByKindOfReason() {
        IngestReport report = new IngestReport(
                List.of(new IngestReport.Published("a", "file:///a.txt", 1), new IngestReport.Published("b", "https://x/b", 2)),
                List.of(new IngestReport.Unchanged("c", "file:///c.txt")),
                List.of(new Input.Rejected("https://x/1", "HTTP 404 (client error)"),
                        new Input.Rejected("https://x/2", "HTTP 404 (client error)"),
                        new Input.Rejected("https://x/3", "HTTP 503 (server error)"),
                        new Input.Rejected("file:///big.txt", "file is 2000000 bytes, over the limit of 1048576 (ingest.max.article.bytes)"),
                        new Input.Rejected("file:///w.jsonl#line=3", "not valid JSON at line 1, column 26: Unexpected end-of-input")),
                List.of(new Input.Skipped("file:///logo.png", "unsupported file type .png")));
        assertThat(report.rejectedByReason()).isEqualTo(Map.of(
                "HTTP 404", 2, "HTTP 503", 1, "file is N bytes, over the limit of N", 1, "not valid JSON at line N, column N", 1));
        assertThat(report.summary()).isEqualTo("published 2, unchanged 1, rejected 5 (HTTP 404: 2, HTTP 503: 1, file is N bytes,"
                + " over the limit of N: 1, not valid JSON at line N, column N: 1), skipped 1");
        assertThat(report.inputs()).isEqualTo(9);
        assertThat(report.allPublished()).isFalse();
    }

    @Test
    void aRunWithoutRejectionsIsAllPublished() {
        IngestReport report = new IngestReport(List.of(new IngestReport.Published("a", "s")), List.of(), List.of());
        assertThat(report.allPublished()).isTrue();
        assertThat(report.summary()).isEqualTo("published 1, unchanged 0, rejected 0, skipped 0");
    }
}
