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

    @Test
    void aHeadingOverOtherArticlesInTheSecondHalfEndsTheStory() {
        String teaser = "Von Kiruna bis Abisko: die schönsten Plätze für Nordlichter, mit Karte und vielen Fotos aus dem Winter.";
        assertThat(mainText("<article><p>" + STORY + "</p><p>" + MORE + "</p><h2>Weitere Tourentipps in Schweden</h2>"
                + "<p>" + teaser + "</p></article>")).containsExactly(STORY, MORE);
    }

    @Test
    void aSubheadingLikeARelatedHeadingEarlyInTheStoryIsKept() {
        assertThat(mainText("<article><p>" + STORY + "</p><h2>Mehr Geld für den Hafen</h2><p>" + MORE + "</p><p>"
                + STORY.replace("Tuesday", "Friday") + "</p></article>"))
                .containsExactly(STORY, "Mehr Geld für den Hafen", MORE, STORY.replace("Tuesday", "Friday"));
    }

    @Test
    void aStoryDoesNotEndOnAHeadingOrALeadInButMayEndOnAPullQuote() {
        assertThat(mainText("<article><p>" + STORY + "</p><p>" + MORE + "</p><p>Das Thema könnte dich auch interessieren:</p>"
                + "<h3>Newsletter</h3></article>")).containsExactly(STORY, MORE);
        String quote = "The bay has waited two years for this. It will not wait another.";
        assertThat(mainText("<article><p>" + STORY + "</p><p>" + MORE + "</p><h4>" + quote + "</h4></article>"))
                .containsExactly(STORY, MORE, quote);
    }

    @Test
    void callsToDonateOrToLogInAreDropped() {
        assertThat(mainText("<article><p>" + STORY + "</p><p>Jede kleine Spende hilft den Menschen dieser Welt!</p>"
                + "<p>Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.</p><p>" + MORE
                + "</p></article>")).containsExactly(STORY, MORE);
    }

    @Test
    void aShortSentenceAfterTheStoryIsItsLastLineButAClosingQuestionIsNot() {
        assertThat(mainText("<article><p>" + STORY + "</p><p>" + MORE + "</p><p>Be there or be square!</p></article>"))
                .containsExactly(STORY, MORE, "Be there or be square!");
        assertThat(mainText("<article><p>" + STORY + "</p><p>" + MORE + "</p><p>Möchten Sie den Artikel teilen?</p></article>"))
                .containsExactly(STORY, MORE);
    }

    @Test
    void aMarkedArticleBodyOfShortLinesIsReadWhole() {
        assertThat(mainText("<nav><a href=\"/\">Home</a></nav><article><h1>Shuji and Walter, April 2018</h1>"
                + "<div class=\"entry-content\"><h3>Places</h3><p>Shuji: Japan.</p><p>Walter: Germany.</p><h3>Film</h3>"
                + "<p>Fuji X-TRA 400.</p><h3>Cameras</h3><p>Shuji: Widelux.</p><p>Walter: Pentax Z-1 p.</p></div></article>"
                + "<footer>© 2018 Swap</footer>"))
                .containsExactly("Places", "Shuji: Japan.", "Walter: Germany.", "Film", "Fuji X-TRA 400.", "Cameras",
                        "Shuji: Widelux.", "Walter: Pentax Z-1 p.");
    }

    @Test
    void numberedFigureCaptionsAreNoPartOfTheText() {
        assertThat(mainText("<article><p>" + STORY + "</p><p>Abbildung 4: klassische Schwachschicht.</p>"
                + "<p>Figure 2. The new terminal as the architects drew it, seen from the north pier of the bay.</p><p>"
                + MORE + "</p></article>")).containsExactly(STORY, MORE);
    }

    @Test
    void aLeadSetApartBeforeTheBodyIsTheStorysFirstParagraph() {
        String lead = "In two of the region's ports the first ships of the season arrived this week, and the authority, "
                + "which had feared a poor year, now counts on more of them than ever before.";
        assertThat(mainText(pageWithHead("standfirst", lead)))
                .containsExactly(lead, STORY, MORE, STORY.replace("Tuesday", "Friday"));
    }

    @Test
    void aBlurbBeforeTheBodyThatIsNoLeadIsNotTaken() {
        String blurb = "Our newsroom works for you around the clock, in the region and far beyond it, every day of the "
                + "year, with reporters in each of the county's towns and in the capital.";
        assertThat(mainText(pageWithHead("claim", blurb))).containsExactly(STORY, MORE, STORY.replace("Tuesday", "Friday"));
    }

    /**
     * A story whose head (a headline and a box of the class given) stands before the column of its body,
     * which a list of links to other stories follows.
     */
    private static String pageWithHead(String headClass, String headText) {
        String links = "<ul class=\"more\"><li><a href=\"/a\">The ferry timetable for the summer months</a></li>"
                + "<li><a href=\"/b\">Fishermen of the bay elect their new council</a></li>"
                + "<li><a href=\"/c\">A lighthouse for sale on the northern cape</a></li></ul>";
        return "<div class=\"page\"><div class=\"story-head\"><h2>Harbour</h2><div class=\"" + headClass + "\">" + headText
                + "</div></div><div class=\"column\"><div class=\"article-body\"><p>" + STORY + "</p><p>" + MORE + "</p><p>"
                + STORY.replace("Tuesday", "Friday") + "</p></div>" + links + "</div></div>";
    }
}
