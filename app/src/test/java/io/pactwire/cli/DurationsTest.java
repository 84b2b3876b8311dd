package io.pactwire.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "12h,PT12H", "7d,PT168H", "2w,PT336H", "PT5M,PT5M", "pt10s,PT10S",
            "P7D,PT168H", " 30S ,PT30S"})
    void readsShortAndIsoDurations(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "5", "m5", "5 minutes", "-5m", ""})
    void refusesAnythingElseNamingTheSyntax(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("is not a duration (30s, 5m, 12h, 7d or ISO-8601 such as PT5M)");
    }
}
