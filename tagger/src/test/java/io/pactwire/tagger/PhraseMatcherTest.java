package io.pactwire.tagger;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseMatcherTest {

    private static List<String> found(PhraseMatcher<String> matcher, String text) {
        return matcher.find(text).stream().map(m -> text.substring(m.start(), m.end()) + "=" + m.value()).toList();
    }

    @Test
    void prefersTheLongestPhraseAtAPosition() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(true)
                .add("Congo", "CG").add("Democratic Republic of the Congo", "CD").add("Republic", "X").build();
        assertThat(found(matcher, "The Democratic Republic of the Congo and Congo."))
                .containsExactly("Democratic Republic of the Congo=CD", "Congo=CG");
    }

    @Test
    void matchesWholeWordsOnly() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(true).add("Oman", "OM").add("Niger", "NE").build();
        assertThat(found(matcher, "Romania, Nigeria and Oman's Niger-based firm")).containsExactly("Oman=OM", "Niger=NE");
    }

    @Test
    void caseInsensitiveMatchingFoldsCaseAndSpacing() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(false).add("joint venture", "JV").build();
        assertThat(found(matcher, "a JOINT\n  Venture was formed")).containsExactly("JOINT\n  Venture=JV");
    }

    @Test
    void caseSensitiveMatchingKeepsCase() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder(true).add("China", "CN").build();
        assertThat(found(matcher, "fine china from China")).containsExactly("China=CN");
    }

    @Test
    void rejectsDuplicatePhrasesAndPhrasesWithoutWords() {
        PhraseMatcher.Builder<String> builder = PhraseMatcher.<String>builder(true).add("Chad", "TD");
        assertThatThrownBy(() -> builder.add("Chad", "XX")).hasMessageContaining("'Chad' is already in the dictionary");
        assertThatThrownBy(() -> builder.add(" - ", "XX")).hasMessageContaining("has no words");
    }
}
