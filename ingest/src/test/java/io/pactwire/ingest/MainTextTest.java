package io.pactwire.ingest;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of main-text extraction, each on a small page written for it. */
class MainTextTest {
    private static final String STORY = "The harbour authority approved the new terminal on Tuesday, after two years of planning, "
            + "hearings and a long dispute with the fishermen of the bay.";
    private static final String MORE = "Construction starts in spring, and the first ships are expected to berth there in 2028, "
            + "the authority's chair told reporters.";

    private static List<String> mainText(String bodyHtml) {
        return MainText.extract(Jsoup.parse("<html><body>" + bodyHtml + "</body></html>").body()).stream()
                .map(MainText.Block::text).toList();
    }

    @Test
    void softHyphensZeroWidthSpacesAndControlCharactersAreNoPartOfTheText() {
        String hyphenated = "Schon im Mit\u00ADtel\u00ADal\u00ADter war der Wein das Aus\u00ADhän\u00ADge\u00ADschild der "
                + "Weinwirtschaft,\u200B und weithin wurde sein Lob gesungen\u001D von den sonnigen Hängen.";
        assertThat(mainText("<article><p>" + hyphenated + "</p><p>" + STORY + "</p></article>")).containsExactly(
                "Schon im Mittelalter war der Wein das Aushängeschild der Weinwirtschaft, und weithin wurde sein Lob "
                        + "gesungen von den sonnigen Hängen.", STORY);
    }
}
