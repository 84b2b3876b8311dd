package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {

    @Test
    void theBarShowsDoneOverReadAndPrintsRejectionsAboveIt() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        ConsoleProgress.Bar bar = new ConsoleProgress.Bar(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        for (String name : List.of("a", "b", "c", "d")) {
            bar.received(new Input.Skipped("file:///" + name, "read"));
        }
        bar.published(new IngestReport.Published("a", "file:///a.txt"));
        bar.unchanged(new IngestReport.Unchanged("b", "file:///b.txt"));
        bar.rejected(new Input.Rejected("file:///c.txt", "no article text"));
        assertThat(bar.line()).isEqualTo("[######################........] 3/4  published 1  unchanged 1  rejected 1");
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("rejected file:///c.txt: no article text\n");
        bar.skipped(new Input.Skipped("file:///d.png", "unsupported file type .png"));
        bar.received(new Input.Skipped("file:///e", "read"));
        bar.published(new IngestReport.Published("e", "file:///e.txt"));
        assertThat(bar.line()).startsWith("[##############################] 5/5");
    }

    @Test
    void withoutATerminalEachInputIsALogLine() {
        assertThat(ConsoleProgress.of(false, System.err)).isInstanceOf(ConsoleProgress.LogLines.class);
        assertThat(ConsoleProgress.of(true, System.err)).isInstanceOf(ConsoleProgress.Bar.class);
    }
}
