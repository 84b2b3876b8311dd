package io.pactwire.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
                "HTTP 404", 2, "HTTP 503", 1, "file is N bytes", 1, "not valid JSON at line N", 1));
        assertThat(report.summary()).isEqualTo("published 2, unchanged 1, rejected 5 (HTTP 404: 2, HTTP 503: 1, file is N bytes: 1,"
                + " not valid JSON at line N: 1), skipped 1");
        assertThat(report.inputs()).isEqualTo(9);
        assertThat(report.allPublished()).isFalse();
    }

    @Test
    void aRunWithoutRejectionsIsAllPublished() {
        IngestReport report = new IngestReport(List.of(new IngestReport.Published("a", "s")), List.of(), List.of());
        assertThat(report.allPublished()).isTrue();
        assertThat(report.summary()).isEqualTo("published 1, unchanged 0, rejected 0, skipped 0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown host news.example.invalid                                        | unknown host
            connection refused (127.0.0.1:8080)                                      | connection refused
            no route to host (203.0.113.9:443)                                       | no route to host
            TLS failure: PKIX path building failed: unable to find valid path        | TLS failure
            timed out after 30 s (ingest.http.timeout.ms)                            | timed out after N s
            timed out connecting after 10 s (ingest.http.connect.timeout.ms)         | timed out connecting after N s
            HTTP 404 (client error)                                                  | HTTP 404
            HTTP 503 (server error)                                                  | HTTP 503
            response is 9000000 bytes, over the limit of 8388608 (ingest.max.page.bytes) | response is N bytes
            not valid UTF-8 text                                                     | not valid UTF-8 text
            not text in the declared charset ISO-8859-2: 7% of it does not decode    | not text in the declared charset ISO-8859-2
            linked page: HTTP 410 (client error)                                     | linked page: HTTP 410
            linked page: unknown host gone.example.org                               | linked page: unknown host
            linked page: connection refused (10.1.2.3:80)                            | linked page: connection refused
            not a valid RSS or Atom feed: Invalid XML: Error on line 3: unexpected   | not a valid RSS or Atom feed: Invalid XML
            RSS without <channel>                                                    | RSS without <channel>
            redirect loop: https://a.example/ -> https://b.example/                  | redirect loop
            refused: intranet.example is a loopback or private-network address (10.0.0.1) | refused
            cannot read: permission denied                                           | cannot read: permission denied
            feed declares a DOCTYPE: DTDs and external entities (XXE) are refused    | feed declares a DOCTYPE
            """)
    void groupsRejectionsByTheirCauseKeepingItsWordsAndDigits(String reason, String cause) {
        assertThat(IngestReport.cause(reason)).isEqualTo(cause);
    }

    @Test
    void theSummaryNamesEachCause() {
        IngestReport report = new IngestReport(List.of(), List.of(
                new Input.Rejected("https://a.invalid/", "unknown host a.invalid"),
                new Input.Rejected("https://b.invalid/", "unknown host b.invalid"),
                new Input.Rejected("http://127.0.0.1:9/", "connection refused (127.0.0.1:9)"),
                new Input.Rejected("file:///x.txt", "not valid UTF-8 text"),
                new Input.Rejected("https://n.example/1", "linked page: HTTP 404 (client error)")), List.of());
        assertThat(report.summary()).isEqualTo("published 0, unchanged 0, rejected 5 (connection refused: 1,"
                + " linked page: HTTP 404: 1, not valid UTF-8 text: 1, unknown host: 2), skipped 0");
    }
}
