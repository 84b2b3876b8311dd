package io.pactwire.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** `pactwire demo`: the main job, on its own embedded broker. */
class DemoIT {

    @Test
    void runsThePipelineOverTheSamplesAndPrintsTheirTags() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = Pactwire.commandLine().execute("demo", "--samples", "../samples");
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        assertThat(exit).isZero();
        assertThat(output).contains("published 3, unchanged 0, rejected 0, skipped 0");
        String[] rows = output.lines().filter(l -> l.matches("^[0-9a-f]{20}\\s.*")).toArray(String[]::new);
        assertThat(rows).hasSize(3);
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("LU*", "CN*", "MEMORANDUM_OF_UNDERSTANDING", "SIGNED",
                "China National Space Administration (CN)"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("LU*", "JP*", "MEMORANDUM_OF_COOPERATION"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("LU*", "RU"));
        assertThat(output).containsPattern("3 articles, \\d+ countries \\(\\d+ about\\), \\d+ agreements \\(\\d+ signed\\) in [0-9.]+ s");
    }
}
