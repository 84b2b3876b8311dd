package io.pactwire.tagger;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WordIndexTest {

    private static long key(String folded) {
        long key = 0;
        for (int i = 0; i < folded.length(); i++) {
            key = key << WordIndex.CODE_BITS | WordIndex.code(folded.charAt(i));
        }
        return key;
    }

    private static int slow(WordIndex index, String word) {
        char[] chars = word.toCharArray();
        return index.findSlow(chars, 0, chars.length, new char[chars.length]);
    }

    @Test
    void findsEveryWordOfTheBundledVocabularyAndNothingElse() {
        Vocabulary vocabulary = NewsTagger.loadBundled().vocabulary();
        WordIndex index = WordIndex.of(vocabulary);
        Set<String> words = new HashSet<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            String word = vocabulary.word(id);
            words.add(word);
            boolean packable = word.length() <= index.maxPacked && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
            assertThat(packable ? index.find(key(word)) : slow(index, word)).as(word).isEqualTo(id);
        }
        Random random = new Random(7);
        int unknown = 0;
        for (int n = 0; n < 200_000; n++) {
            int length = 1 + random.nextInt(index.maxPacked);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < length; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            int found = index.find(key(word.toString()));
            if (words.contains(word.toString())) {
                assertThat(vocabulary.word(found)).isEqualTo(word.toString());
            } else {
                assertThat(found).as(word.toString()).isEqualTo(Vocabulary.UNKNOWN);
                unknown++;
            }
        }
        assertThat(unknown).isGreaterThan(150_000);
    }

    @Test
    void wordsWithDigitsOtherLettersOrManyCharsAreFoundTheSlowWay() {
        Vocabulary vocabulary = new Vocabulary();
        List<String> words = List.of("g7", "straße", "ελλάδα", "internationalisation", "opec", "a");
        words.forEach(vocabulary::add);
        WordIndex index = WordIndex.of(vocabulary);
        assertThat(index.othersShort).isTrue();
        for (String word : words) {
            int id = vocabulary.id(word);
            boolean packable = word.length() <= index.maxPacked && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
            assertThat(packable ? index.find(key(word)) : slow(index, word)).as(word).isEqualTo(id);
        }
        assertThat(slow(index, "G7")).as("folded before the look-up").isEqualTo(vocabulary.id("g7"));
        assertThat(index.find(key("opecs"))).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(WordIndex.hasOther(key("g7"), 2)).isTrue();
        assertThat(WordIndex.hasOther(key("opec"), 4)).isFalse();
    }
}
