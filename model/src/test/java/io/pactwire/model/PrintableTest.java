package io.pactwire.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One escaping for every line printed about inputs and articles (issue 17). */
class PrintableTest {

    @Test
    void controlFormatAndSeparatorCharactersAreWrittenAsCodePoints() {
        assertThat(Printable.escape("a\nb\r\tc\u0085d\u2028e\u2029f\u202Eg\u200Bh\u0000i\ud800j"))
                .isEqualTo("a\\u000Ab\\u000D\\u0009c\\u0085d\\u2028e\\u2029f\\u202Eg\\u200Bh\\u0000i\\uD800j");
        assertThat(Printable.escape("Zürich – 東京 🌍 \\n")).as("printable text, a backslash included, is left alone")
                .isEqualTo("Zürich – 東京 🌍 \\n");
        String once = Printable.escape("x\ny");
        assertThat(Printable.escape(once)).as("escaping twice is escaping once").isEqualTo(once);
        assertThat(Printable.escape(null)).isNull();
    }
}
