package io.pactwire.tagger;

import io.pactwire.model.Party;
import io.pactwire.model.TextField;
import io.pactwire.tagger.Gazetteer.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Party classes of language that read the sides of an agreement from its own words rather than from the countries
 * its sentence names (agreements-9). {@link AgreementFinder} gathers the sides a sentence names; the classes here say
 * when those names are not the sides.
 */
final class PartyFinder {
    /** How many capitalised words may stand between the sides' compound and the instrument ("US-Iraq Strategic ..."). */
    private static final int NAME_WORDS = 4;

    private PartyFinder() {
    }

    /**
     * The sides an instrument's name states: two or more countries joined by hyphens, dashes or slashes right before
     * the instrument, with only capitalised words of its name between ("the Sino-British Joint Declaration", "the
     * three U.S.-China Joint Communiques", "the US-Iraq Strategic Framework Agreement"). Such a name says whose
     * instrument it is: the other countries its sentence names are what it is about ("the freedoms guaranteed to people
     * in Hong Kong by the Sino-British Joint Declaration"), and the government that cites it is no side. Empty when the
     * name states no sides.
     *
     * @param t            the tokens of the sentence's field
     * @param field        the field, to pick that field's mentions
     * @param triggerStart the instrument's first token
     * @param sentenceStart the first token of its sentence
     * @param mentions     the article's country mentions
     */
    static List<Party> sidesInTheName(Tokens t, TextField field, int triggerStart, int sentenceStart,
                                      List<CountryFinder.Mention> mentions) {
        int k = triggerStart - 1;
        for (int words = 0; k >= sentenceStart && words < NAME_WORDS && mentionEndingAt(mentions, field, k) == null
                && Character.isUpperCase(t.text.charAt(t.start[k])) && onlySpaces(t, k); words++) {
            k--; // "Strategic" in "the US-Iraq Strategic Framework Agreement"
        }
        List<Party> sides = new ArrayList<>(2);
        CountryFinder.Mention m = k >= sentenceStart ? mentionEndingAt(mentions, field, k) : null;
        if (m == null || !onlySpaces(t, k)) {
            return sides;
        }
        while (m != null) {
            String code = m.code;
            if (sides.stream().noneMatch(p -> code.equals(p.country()))) {
                sides.add(0, new Party(t.text.substring(m.start, m.end), code));
            }
            int before = m.firstToken - 1;
            m = before >= sentenceStart && joinedByADash(t, before) ? mentionEndingAt(mentions, field, before) : null;
        }
        return sides.size() >= 2 ? sides : List.of();
    }

    /**
     * The phrase that places a company's headquarters at the place named by tokens {@code first} to {@code last}, or
     * null: the place before "-based" and a company ("New York-based Pfizer", "a Texas-based oil producer", "the
     * Dearborn, Michigan-based manufacturer": a capitalised name, or at most four lower-case words and a company noun,
     * follow), or after "based in" / "headquartered in", a town and a comma possibly between ("which is based in
     * Brookfield, Wisconsin"). "A New York-based analyst" places a person, not a company.
     */
    static String headquarters(Tokens t, int first, int last, java.util.BitSet companyNouns) {
        if (last + 2 < t.count && t.wordIs(last + 1, "based") && joinedByADash(t, last)
                && t.sentence[last + 2] == t.sentence[last]) {
            if (Character.isUpperCase(t.text.charAt(t.start[last + 2])) && onlySpaces(t, last + 1)) {
                return t.text.substring(t.start[first], t.end[last + 2]);
            }
            for (int k = last + 2; k < t.count && k <= last + 6 && t.sentence[k] == t.sentence[last]; k++) {
                if (t.id[k] >= 0 && companyNouns.get(t.id[k])) {
                    return t.text.substring(t.start[first], t.end[k]);
                }
                if (Character.isUpperCase(t.text.charAt(t.start[k])) || !onlySpaces(t, k - 1)) {
                    break;
                }
            }
            return null;
        }
        int k = first - 1;
        if (k >= 2 && Character.isUpperCase(t.text.charAt(t.start[k])) && t.text.charAt(t.end[k]) == ','
                && t.sentence[k] == t.sentence[first]) {
            k--; // "based in Brookfield, Wisconsin": the town the gazetteer may not know, then its state
        }
        if (k >= 1 && t.wordIs(k, "in") && t.sentence[k - 1] == t.sentence[first]) {
            if (t.wordIs(k - 1, "based") || t.wordIs(k - 1, "headquartered")) {
                return t.text.substring(t.start[k - 1], t.end[last]);
            }
        }
        return null;
    }

    /**
     * Whether a headline's country mention is its label: the country opens the headline and a colon follows it
     * ("India: Two carmakers plan a joint venture", "US: Broadcasters talk merger again"). A news site's label says
     * where the story is, as a dateline does, not who signs.
     */
    static boolean headlineLabel(Tokens t, TextField field, int sentenceStart, int firstToken, int end) {
        return field == TextField.TITLE && firstToken == sentenceStart && firstToken == 0
                && end < t.text.length() && t.text.charAt(end) == ':';
    }

    /** Whether the word right after token {@code k}, spaces between, is of {@code words}. */
    static boolean followedBy(Tokens t, int k, java.util.BitSet words) {
        return k + 1 < t.count && t.sentence[k + 1] == t.sentence[k] && onlySpaces(t, k) && t.id[k + 1] >= 0
                && words.get(t.id[k + 1]);
    }

    /**
     * Whether the country named by tokens {@code first} to {@code last} is where a site stands: after a word of
     * {@code facilities} and "in" ("the office in Singapore", "a plant in Mexico"), or right before one ("the
     * Singapore office", "its Mexico plant"). A company's office or plant is a place, not a side.
     */
    static boolean siteOf(Tokens t, int first, int last, int sentenceStart, java.util.BitSet facilities) {
        if (first - 2 >= sentenceStart && t.wordIs(first - 1, "in") && t.id[first - 2] >= 0
                && facilities.get(t.id[first - 2]) && t.shape(first - 2) == Tokens.LOWER) {
            return true;
        }
        return followedBy(t, last, facilities) && t.shape(last + 1) == Tokens.LOWER;
    }

    /**
     * Whether the country named by tokens {@code first} to {@code last} is thanked for help before the agreement: a
     * word of {@code thanks} at most three words before it and a word of {@code help} after it, before the
     * instrument ("The Secretary thanked Qatar for its assistance in securing the ceasefire", "thanked the Minister
     * for Qatar's help"). A helper is no side; "thanked Japan for signing the accord" thanks a side.
     */
    static boolean thankedForHelp(Tokens t, int first, int last, int sentenceStart, int triggerStart,
                                  java.util.BitSet thanks, java.util.BitSet help) {
        if (last >= triggerStart) {
            return false;
        }
        boolean thanked = false;
        for (int k = Math.max(sentenceStart, first - 4); k < first && !thanked; k++) {
            thanked = t.id[k] >= 0 && thanks.get(t.id[k]);
        }
        if (!thanked) {
            return false;
        }
        for (int k = last + 1; k < triggerStart && k <= last + 6; k++) {
            if (t.id[k] >= 0 && help.get(t.id[k])) {
                return true;
            }
        }
        return false;
    }

    /** The country named by its name or demonym whose last token is {@code k}, or null. */
    private static CountryFinder.Mention mentionEndingAt(List<CountryFinder.Mention> mentions, TextField field, int k) {
        for (CountryFinder.Mention m : mentions) {
            if (!m.dropped && m.code != null && m.field == field && m.lastToken == k
                    && (m.kind == Kind.NAME || m.kind == Kind.DEMONYM)) {
                return m;
            }
        }
        return null;
    }

    /** Whether only spaces (or a name's full stop, "U.S. ") stand between token {@code a} and the next. */
    private static boolean onlySpaces(Tokens t, int a) {
        if (a + 1 >= t.count) {
            return false;
        }
        for (int i = t.end[a]; i < t.start[a + 1]; i++) {
            char c = t.text.charAt(i);
            if (c != ' ' && c != '.' && c != '\u00a0') {
                return false;
            }
        }
        return t.start[a + 1] > t.end[a];
    }

    /** Whether token {@code a} and the next are joined by one hyphen, dash or slash ("Sino-British", "U.S.-China"). */
    private static boolean joinedByADash(Tokens t, int a) {
        if (a + 1 >= t.count) {
            return false;
        }
        int dashes = 0;
        for (int i = t.end[a]; i < t.start[a + 1]; i++) {
            char c = t.text.charAt(i);
            if (c == '-' || c == '\u2013' || c == '\u2014' || c == '/') {
                dashes++;
            } else if (c != '.') {
                return false;
            }
        }
        return dashes == 1;
    }
}
