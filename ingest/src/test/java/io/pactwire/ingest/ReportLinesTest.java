package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every line ingest prints about an input is one line, whatever the input's name or reason holds (issue 17). */
class ReportLinesTest {

    @Test
    void everyReportLineIsOneLine() {
        Input.Rejected rejected = new Input.Rejected("https://example.org/a\nrejected forged", "bad\u2028thing");
        assertThat(rejected.source()).isEqualTo("https://example.org/a\\u000Arejected forged");
        assertThat(rejected.reason()).isEqualTo("bad\\u2028thing");
        assertThat(new Input.Skipped("a\rb", "c\nd")).isEqualTo(new Input.Skipped("a\\u000Db", "c\\u000Ad"));
        assertThat(new IngestReport.Published("id\n", "s\n", 1)).isEqualTo(new IngestReport.Published("id\\u000A", "s\\u000A", 1));
        assertThat(new IngestReport.Unchanged("id\n", "s")).isEqualTo(new IngestReport.Unchanged("id\\u000A", "s"));

        IngestReport report = new IngestReport(List.of(), List.of(rejected), List.of());
        assertThat(report.summary()).isEqualTo("published 0, unchanged 0, rejected 1 (bad\\u2028thing: 1), skipped 0");

        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Progress bar = ConsoleProgress.of(true, new PrintStream(terminal, true, StandardCharsets.UTF_8));
        bar.rejected(rejected);
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("rejected https://example.org/a\\u000Arejected forged:"
                + " bad\\u2028thing").containsOnlyOnce("\n");
    }
}
