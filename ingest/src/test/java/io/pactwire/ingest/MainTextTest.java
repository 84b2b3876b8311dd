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

    @Test
    void callsToFollowJoinOrDownloadAreDroppedWhereverTheVerbStands() {
        assertThat(mainText("<article><p>" + STORY + "</p>"
                + "<p>For the latest stories and breaking news updates download the Harbour Times apps for iOS and Android.</p>"
                + "<p>¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.</p>"
                + "<p>If you are seeing this message but you are already a subscriber, you can log in.</p>"
                + "<p>" + MORE + "</p></article>")).containsExactly(STORY, MORE);
    }

    @Test
    void aStoryThatReportsOnAnAppOrANetworkIsKept() {
        String app = "The authority will publish the berthing schedule in a new app, which the city council paid for.";
        assertThat(mainText("<article><p>" + STORY + "</p><p>" + app + "</p><p>" + MORE + "</p></article>"))
                .containsExactly(STORY, app, MORE);
    }

    @Test
    void embedPlaceholdersAndPublishedLabelsAreFurniture() {
        assertThat(mainText("<article><p>opublikowano: 7 kwietnia 2021</p><p>" + STORY + "</p>"
                + "<p>Empfohlener redaktioneller Inhalt</p><p>" + MORE + "</p></article>")).containsExactly(STORY, MORE);
    }
}
