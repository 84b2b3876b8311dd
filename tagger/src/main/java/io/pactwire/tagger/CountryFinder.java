package io.pactwire.tagger;

import io.pactwire.model.TextField;
import io.pactwire.tagger.Gazetteer.Alias;
import io.pactwire.tagger.Gazetteer.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the countries a text names: the longest known name at each word whose case fits (see
 * {@link Gazetteer}), then the ambiguous ones decided by their context:
 * <ul>
 *   <li>a common word in a capitals-only title (TURKEY, CHINA, US) counts only when the article names
 *       that country elsewhere in mixed case;</li>
 *   <li>a name that is also a person's (Jordan, Chad, Georgia) is a person after a capitalised word or
 *       a title (Michael Jordan, Mr Jordan) or before a capitalised word that is no country context
 *       (Chad Smith, not Chad President); then the article's other bare uses of it are the person too,
 *       unless it names the country in another way;</li>
 *   <li>an alias with an alternative (Korea: KR or KP; Congo: CD or CG; Georgia: GE or the US state)
 *       is the alternative when only that one is otherwise named (for the US state: placed, by a US
 *       city, state or dateline, or as "Atlanta, Georgia").</li>
 * </ul>
 */
final class CountryFinder {

    /** A name found in the text. */
    static final class Mention {
        final TextField field;
        final int start;
        final int end;
        final int firstToken;
        final int lastToken;
        final Alias alias;
        String code;
        Kind kind;
        boolean dropped;

        Mention(TextField field, int start, int end, int firstToken, int lastToken, Alias alias, String code, Kind kind) {
            this.field = field;
            this.start = start;
            this.end = end;
            this.firstToken = firstToken;
            this.lastToken = lastToken;
            this.alias = alias;
            this.code = code;
            this.kind = kind;
        }
    }

    /** Capitalised words that start a sentence or a list and say nothing about a following name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "in", "to", "from", "and", "of", "with", "for",
            "by", "on", "at", "as", "but", "both", "while", "between", "including", "against", "like", "unlike",
            "neighbouring", "neighboring", "neighbour", "neighbor", "then", "or", "if", "when", "after", "before",
            "since", "under", "about", "that", "this", "where", "whereas", "although", "because", "nor", "also",
            "only", "even", "though", "via", "into", "across", "throughout", "a", "an", "all", "said", "says");
    /** Capitalised words that follow a country's name: "Chad President", not "Chad Smith". */
    private static final Set<String> COUNTRY_CONTEXT = Set.of("president", "prime", "premier", "minister", "ministry",
            "foreign", "finance", "trade", "economy", "economic", "government", "army", "armed", "central", "national",
            "state", "king", "queen", "crown", "prince", "emir", "embassy", "ambassador", "airlines", "airways", "bank",
            "republic", "sea", "lake", "basin", "valley", "mountains", "air", "petroleum", "oil", "telecom", "post",
            "times", "daily", "news", "radio", "television", "tv", "stock", "exchange", "development", "investment",
            "international", "airport", "university", "monetary", "electric", "railways", "navy", "police", "court",
            "parliament", "senate", "congress", "cabinet", "office", "agency", "authority", "council", "commission",
            "institute", "museum", "mission", "delegation", "officials", "border", "coast", "region", "province",
            "city", "port", "capital", "gdp", "and", "or");

    private final Gazetteer gazetteer;
    private final Set<Integer> functionWords = new HashSet<>();
    private final Set<Integer> countryContext = new HashSet<>();

    CountryFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (String w : FUNCTION_WORDS) {
            int id = gazetteer.vocabulary.id(w);
            if (id >= 0) {
                functionWords.add(id);
            }
        }
        for (String w : COUNTRY_CONTEXT) {
            int id = gazetteer.vocabulary.id(w);
            if (id >= 0) {
                countryContext.add(id);
            }
        }
    }

    /** Words the finder looks up, to be added to the vocabulary before it is frozen. */
    static Set<String> contextWords() {
        Set<String> words = new HashSet<>(FUNCTION_WORDS);
        words.addAll(COUNTRY_CONTEXT);
        return words;
    }

    /** Every name in {@code tokens}, leftmost-longest, before context decides the ambiguous ones. */
    void scan(TextField field, Tokens tokens, List<Mention> out) {
        PhraseTrie<Alias> trie = gazetteer.names;
        int count = tokens.count;
        int[] ids = tokens.id;
        int next = 0; // the first token not inside a name found already
        for (int k = 0; k < tokens.starters; k++) {
            int i = tokens.starter[k];
            if (i < next || (tokens.starterFlags[k] & Tokens.STARTS_NAME) == 0) {
                continue;
            }
            int node = trie.child(PhraseTrie.ROOT, ids[i]);
            if (node == PhraseTrie.NONE) {
                continue;
            }
            // Walk as far as the trie goes, remembering each phrase end; then take the longest that fits.
            int bestEnd = -1;
            Alias best = null;
            int j = i;
            while (true) {
                Alias value = trie.value(node);
                if (value != null && fits(value, tokens, i, j)) {
                    bestEnd = j;
                    best = value;
                }
                // the next word first: most words after a name's first word (as after "the") continue no name,
                // which the trie says at once for an unknown word
                if (j + 1 >= count) {
                    break;
                }
                node = trie.child(node, ids[j + 1]);
                if (node == PhraseTrie.NONE || !joinable(tokens, j)) {
                    break;
                }
                j++;
            }
            if (best == null) {
                continue;
            }
            if (best.kind() != Kind.BLOCK) {
                out.add(new Mention(field, tokens.start[i], tokens.end[bestEnd], i, bestEnd, best, best.code(), best.kind()));
            }
            next = bestEnd + 1;
        }
    }

    /** True when a name can start with the word {@code wordId}. */
    boolean startsName(int wordId) {
        return gazetteer.names.child(PhraseTrie.ROOT, wordId) != PhraseTrie.NONE;
    }

    /** Whether the words between tokens {@code j} and {@code j+1} may be one name: no comma, bracket, full stop + space. */
    private static boolean joinable(Tokens tokens, int j) {
        String text = tokens.text;
        int from = tokens.end[j];
        int to = tokens.start[j + 1];
        if (to - from > 6) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '.') {
                // "U.S.A." joins; "Korea. South" does not
                if (k + 1 < to && text.charAt(k + 1) != '.') {
                    return false;
                }
            } else if (c != ' ' && c != '-' && c != '\'' && c != '’' && c != '\n' && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }

    /** Whether tokens {@code i..j} are written the way the alias must be. */
    private static boolean fits(Alias alias, Tokens tokens, int i, int j) {
        String text = tokens.text;
        if (alias.exactCore() != null) {
            String core = alias.exactCore();
            int start = tokens.start[i];
            return tokens.end[j] - start == core.length() && text.regionMatches(start, core, 0, core.length());
        }
        if (alias.has(Gazetteer.PREFIX)) {
            int end = tokens.end[j];
            if (end + 1 >= text.length() || text.charAt(end) != '-' || Fold.fold(text.charAt(end + 1)) == 0
                    || !Character.isUpperCase(text.charAt(tokens.start[i]))) {
                return false;
            }
        }
        boolean[] capitals = alias.capitals();
        for (int k = 0; k < capitals.length && i + k <= j; k++) {
            if (capitals[k] && !Character.isUpperCase(text.charAt(tokens.start[i + k]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decides the ambiguous mentions of one article in place, marking the rejected ones dropped.
     *
     * @param titleCaps      whether the title is written in capitals
     * @param tokensOf       the tokens of each field, by {@link TextField#ordinal()}
     * @param datelineCode   the dateline's country, or null
     */
    void resolve(List<Mention> mentions, Tokens[] tokensOf, String datelineCode) {
        // Persons first: a name used for a person is not the country.
        Set<Alias> personal = null; // made for the few articles that have a person's name
        for (Mention m : mentions) {
            if (m.alias.has(Gazetteer.PERSON) && isPerson(m, tokensOf[m.field.ordinal()])) {
                m.dropped = true;
                if (personal == null) {
                    personal = new HashSet<>();
                }
                personal.add(m.alias);
            }
        }
        if (personal != null) {
            for (Mention m : mentions) {
                if (!m.dropped && personal.contains(m.alias) && !namedOtherwise(mentions, m.code, m.alias, false, null)) {
                    m.dropped = true;
                }
            }
        }
        // Alternatives: Korea, Congo, Dominican, Georgia.
        for (Mention m : mentions) {
            Alias a = m.alias;
            if (m.dropped || a.alt() == null) {
                continue;
            }
            boolean alternative;
            if (a.altPlace()) {
                alternative = placedBefore(m, tokensOf[m.field.ordinal()], a.alt())
                        || ((a.alt().equals(datelineCode) || namedOtherwise(mentions, a.alt(), a, true, null))
                        && !namedOtherwise(mentions, a.code(), a, false, null));
            } else {
                alternative = namedOtherwise(mentions, a.alt(), a, false, null)
                        && !namedOtherwise(mentions, a.code(), a, false, null);
            }
            if (alternative) {
                m.code = a.alt();
                if (a.altPlace()) {
                    m.kind = Kind.CITY;
                }
            }
        }
        // Common words in a capitals-only title need the article to name the country in mixed case.
        for (Mention m : mentions) {
            if (!m.dropped && m.alias.has(Gazetteer.COMMON) && tokensOf[m.field.ordinal()].allCaps
                    && !namedInMixedCase(mentions, tokensOf, m.code)) {
                m.dropped = true;
            }
        }
    }

    private static boolean namedOtherwise(List<Mention> mentions, String code, Alias except, boolean placesOnly, Object unused) {
        for (Mention o : mentions) {
            if (!o.dropped && o.alias != except && o.alias.alt() == null && code.equals(o.code)
                    && (!placesOnly || o.kind == Kind.CITY)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedInMixedCase(List<Mention> mentions, Tokens[] tokensOf, String code) {
        for (Mention o : mentions) {
            if (!o.dropped && code.equals(o.code) && !tokensOf[o.field.ordinal()].allCaps) {
                return true;
            }
        }
        return false;
    }

    private boolean isPerson(Mention m, Tokens t) {
        if (t.allCaps) {
            return false;
        }
        int before = m.firstToken - 1;
        if (before >= 0 && t.sentence[before] == t.sentence[m.firstToken] && t.spaceOnlyAfter(before)
                && Character.isUpperCase(t.text.charAt(t.start[before])) && !functionWords.contains(t.id[before])
                && !isCountryWord(t, before)) {
            return true; // Michael Jordan, Mr Jordan
        }
        int after = m.lastToken + 1;
        if (after < t.count && t.sentence[after] == t.sentence[m.lastToken] && t.spaceOnlyAfter(m.lastToken)
                && t.shape(after) == Tokens.CAPITALISED && !countryContext.contains(t.id[after])
                && !functionWords.contains(t.id[after]) && !isCountryWord(t, after)) {
            return true; // Chad Smith
        }
        return false;
    }

    private boolean isCountryWord(Tokens t, int token) {
        return gazetteer.names.child(PhraseTrie.ROOT, t.id[token]) != PhraseTrie.NONE;
    }

    /** "Atlanta, Georgia": the words before the comma are a city of the alternative's country. */
    private boolean placedBefore(Mention m, Tokens t, String alt) {
        int comma = m.firstToken - 1;
        if (comma < 0 || t.sentence[comma] != t.sentence[m.firstToken]) {
            return false;
        }
        String gap = t.text.substring(t.end[comma], t.start[m.firstToken]).strip();
        if (!gap.equals(",")) {
            return false;
        }
        StringBuilder place = new StringBuilder();
        for (int k = comma; k >= 0 && k > comma - 3 && Character.isUpperCase(t.text.charAt(t.start[k])); k--) {
            place.insert(0, place.length() == 0 ? t.word(k) : t.word(k) + " ");
            if (alt.equals(gazetteer.places.get(Fold.key(place)))) {
                return true;
            }
            if (k > 0 && !t.spaceOnlyAfter(k - 1)) {
                break;
            }
        }
        return false;
    }
}
