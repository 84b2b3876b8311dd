package io.pactwire.tagger;

import io.pactwire.model.TextField;
import io.pactwire.tagger.Gazetteer.Alias;
import io.pactwire.tagger.Gazetteer.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        /** The ISO 3166-2 first-level division of the place, when known (US-GA), else null. */
        String division;

        Mention(TextField field, int start, int end, int firstToken, int lastToken, Alias alias, String code, Kind kind) {
            this.field = field;
            this.start = start;
            this.end = end;
            this.firstToken = firstToken;
            this.lastToken = lastToken;
            this.alias = alias;
            this.code = code;
            this.kind = kind;
            this.division = alias.division() != null && code != null && alias.division().startsWith(code + "-")
                    ? alias.division() : null;
            if (alias.places() != null && code != null && alias.kind() == Kind.CITY) {
                for (Gazetteer.Place p : alias.places()) {
                    if (p.code().equals(code)) {
                        this.division = p.division();
                        break;
                    }
                }
            }
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
            "city", "port", "capital", "gdp", "and", "or", "club", "mayor", "area", "residents", "resident", "native",
            "town", "village", "township", "bureau", "department");
    /**
     * Words after a town's name that make the words an organisation, a street or a county named after it,
     * not the place: "Athens Police Department", "Dublin Road", "Rome Statute", "X County".
     */
    private static final Set<String> NAMED_AFTER = Set.of("county", "parish", "borough", "times", "post", "herald",
            "tribune", "journal", "gazette", "chronicle", "observer", "hospital", "clinic", "university", "college",
            "school", "high", "academy", "police", "sheriff", "street", "st", "road", "rd", "avenue", "ave", "boulevard",
            "blvd", "drive", "lane", "highway", "hwy", "pike", "statute", "bank", "company", "inc", "corp", "church",
            "hotel", "mall", "park", "stadium", "zoo", "marathon", "cup", "fc", "crown", "court");
    /**
     * Capitalised words before a town's name that make part of a place, not a person: "South Arlington",
     * "downtown Athens", "Greater Manchester".
     */
    private static final Set<String> PLACE_BEFORE = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "downtown", "uptown", "greater", "upper", "lower", "old", "new", "fort",
            "mount", "port", "lake", "near", "suburban", "rural", "metro");
    /**
     * Words after a town's name that make it the seat of a local government a paper reports on: "Athens
     * City Council", "Paris city manager", "Athens Parks and Recreation". Such a world city is rather a
     * town of its name elsewhere, in an article that names no other country.
     */
    private static final Set<String> MUNICIPAL = Set.of("council", "councilman", "councilwoman", "parks", "aldermen",
            "selectmen");
    /** Words after "city" or "town" after a town's name that make it a seat: "Paris city manager". */
    private static final Set<String> CITY_OFFICE = Set.of("council", "commission", "manager", "hall", "schools", "clerk");
    /** "Athens City Council", "Paris city manager": city or town, then a word of {@link #CITY_OFFICE}. */
    private static final Set<String> CITY_OR_TOWN = Set.of("city", "town");
    /** Words after a town's name that make it a person who speaks: "Robertson said", not a town. */
    private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "asked", "wrote", "explained",
            "noted", "recalled", "testified");
    /** Words before "of" + a town's name that make it an organisation's: "University of Dayton". */
    private static final Set<String> NAMED_OF = Set.of("university", "college", "bank", "archdiocese", "diocese",
            "canton", "treaty", "duke", "earl", "count");

    /**
     * "Kanawha County", "Rapides Parish": a county or parish of the US, a place of the US unless the
     * article's other places lie elsewhere only.
     */
    static final Alias COUNTY = new Alias("US", Kind.CITY, 0, "County", new boolean[] {true}, null, null, false,
            "CountryFinder", null, new Gazetteer.Place[] {new Gazetteer.Place("US", null, 0, false)});

    /** How far into a text a local paper's dateline may start (after a byline and its date). */
    private static final int LOCAL_DATELINE_REACH = 120;

    private final Gazetteer gazetteer;
    private final Set<Integer> functionWords = new HashSet<>();
    private final Set<Integer> countryContext = new HashSet<>();
    private final Set<Integer> namedAfter = new HashSet<>();
    private final Set<Integer> namedOf = new HashSet<>();
    private final Set<Integer> placeBefore = new HashSet<>();
    private final Set<Integer> municipal = new HashSet<>();
    private final Set<Integer> cityOrTown = new HashSet<>();
    private final Set<Integer> cityOffice = new HashSet<>();
    private final Set<Integer> speech = new HashSet<>();
    private final int of;
    private final int county;
    private final int parish;
    private final int in;
    private final int township;
    private final int council;
    private final int by;
    private final int police;

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
        for (String w : NAMED_AFTER) {
            int id = gazetteer.vocabulary.id(w);
            if (id >= 0) {
                namedAfter.add(id);
            }
        }
        for (String w : NAMED_OF) {
            int id = gazetteer.vocabulary.id(w);
            if (id >= 0) {
                namedOf.add(id);
            }
        }
        for (String w : MUNICIPAL) {
            municipal.add(gazetteer.vocabulary.id(w));
        }
        for (String w : CITY_OR_TOWN) {
            cityOrTown.add(gazetteer.vocabulary.id(w));
        }
        for (String w : CITY_OFFICE) {
            cityOffice.add(gazetteer.vocabulary.id(w));
        }
        for (String w : SPEECH) {
            speech.add(gazetteer.vocabulary.id(w));
        }
        for (String w : PLACE_BEFORE) {
            int id = gazetteer.vocabulary.id(w);
            if (id >= 0) {
                placeBefore.add(id);
            }
        }
        of = gazetteer.vocabulary.id("of");
        township = gazetteer.vocabulary.id("township");
        council = gazetteer.vocabulary.id("council");
        by = gazetteer.vocabulary.id("by");
        police = gazetteer.vocabulary.id("police");
        county = gazetteer.vocabulary.id("county");
        parish = gazetteer.vocabulary.id("parish");
        in = gazetteer.vocabulary.id("in");
    }

    /** Words the finder looks up, to be added to the vocabulary before it is frozen. */
    static Set<String> contextWords() {
        Set<String> words = new HashSet<>(FUNCTION_WORDS);
        words.addAll(COUNTRY_CONTEXT);
        words.addAll(NAMED_AFTER);
        words.addAll(NAMED_OF);
        words.addAll(PLACE_BEFORE);
        words.addAll(MUNICIPAL);
        words.addAll(CITY_OR_TOWN);
        words.addAll(CITY_OFFICE);
        words.addAll(SPEECH);
        words.addAll(Set.of("township", "council", "by"));
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
            if (best.kind() == Kind.QUALIFIER && !qualifierPosition(tokens, i, bestEnd, best)) {
                continue;
            }
            if (best.kind() != Kind.BLOCK) {
                out.add(new Mention(field, tokens.start[i], tokens.end[bestEnd], i, bestEnd, best, best.code(), best.kind()));
            }
            next = bestEnd + 1;
        }
        counties(field, tokens, out);
    }

    /**
     * "Kanawha County", "Rapides Parish", "Sand Creek Township" as places (see {@link #COUNTY}); a name
     * inside them is dropped. "Mayo County Council" and "Lancashire County Council" are the councils of
     * British and Irish counties: no place of the US.
     */
    private void counties(TextField field, Tokens tokens, List<Mention> out) {
        if (tokens.allCaps) {
            return;
        }
        int from = out.size();
        for (int k = 1; k < tokens.count; k++) {
            int id = tokens.id[k];
            if ((id != county && id != parish && id != township) || id < 0 || tokens.shape(k) != Tokens.CAPITALISED
                    || tokens.sentence[k - 1] != tokens.sentence[k] || !tokens.spaceOnlyAfter(k - 1)
                    || tokens.shape(k - 1) != Tokens.CAPITALISED || functionWords.contains(tokens.id[k - 1])) {
                continue;
            }
            if (id == county && k + 1 < tokens.count && tokens.id[k + 1] == council && tokens.spaceOnlyAfter(k)
                    && tokens.capitalised(k + 1)) {
                continue;
            }
            int first = k - 1;
            for (int n = 0; n < out.size(); n++) {
                Mention m = out.get(n);
                if (m.field == field && m.lastToken == k - 1) {
                    m.dropped = true;
                    first = Math.min(first, m.firstToken);
                }
            }
            out.add(new Mention(field, tokens.start[first], tokens.end[k], first, k, COUNTY, "US", Kind.CITY));
        }
        if (out.size() > from + 1 || from > 0) {
            out.sort((a, b) -> a.field != b.field ? a.field.compareTo(b.field) : Integer.compare(a.firstToken, b.firstToken));
        }
    }

    /**
     * Whether tokens {@code i..j}, an abbreviation of a division ("Ga.", "GA"), stand where a qualifier
     * stands: after a capitalised place and a comma, written with its full stop or in capitals.
     */
    private static boolean qualifierPosition(Tokens tokens, int i, int j, Alias alias) {
        if (j > i && alias.written().endsWith(".") && tokens.end[j] < tokens.text.length()
                && tokens.text.charAt(tokens.end[j]) == '.' && !tokens.allCaps) {
            // "N.C.", "W.Va.": two dotted parts are no other word; but "500 B.C." is an era
            return i == 0 || tokens.shape(i - 1) != Tokens.NO_CASE || tokens.sentence[i - 1] != tokens.sentence[i];
        }
        if (i == 0 || tokens.allCaps || tokens.sentence[i - 1] != tokens.sentence[i] || !tokens.capitalised(i - 1)) {
            return false;
        }
        String text = tokens.text;
        if (!text.substring(tokens.end[i - 1], tokens.start[i]).strip().equals(",")) {
            return false;
        }
        int end = tokens.end[j];
        boolean stop = end < text.length() && text.charAt(end) == '.';
        boolean upper = true;
        for (int k = tokens.start[i]; k < end; k++) {
            upper &= !Character.isLowerCase(text.charAt(k));
        }
        return (stop && alias.written().endsWith(".")) || upper;
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

    /**
     * Whether tokens {@code i..j} are a local paper's dateline: a place in capitals that opens the text,
     * a line or follows a byline's date, then a dash ("MANSFIELD —", "PATASKALA --", "HUME –").
     */
    private static boolean localDateline(Tokens tokens, int i, int j) {
        String text = tokens.text;
        int start = tokens.start[i];
        if (start > LOCAL_DATELINE_REACH) {
            return false;
        }
        int before = start - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        if (before >= 0 && text.charAt(before) != '\n' && !Character.isDigit(text.charAt(before))) {
            return false;
        }
        int after = tokens.end[j];
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        return after + 1 < text.length() && isDash(text.charAt(after))
                && (text.charAt(after + 1) == ' ' || isDash(text.charAt(after + 1)));
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '–' || c == '—';
    }

    /** Whether tokens {@code i..j} are written the way the alias must be. */
    private static boolean fits(Alias alias, Tokens tokens, int i, int j) {
        String text = tokens.text;
        if (alias.has(Gazetteer.TOWN) && i == j && !tokens.allCaps && tokens.shape(i) == Tokens.UPPER
                && alias.written().length() > 1 && !Character.isUpperCase(alias.written().charAt(1))
                && !localDateline(tokens, i, j)) {
            return false; // an acronym (UN, ESA) is not the town Un or Esa
        }
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
                        || ((a.alt().equals(datelineCode) || namedOtherwise(mentions, a.alt(), a, true, null)
                        || townOfDivision(mentions, a.division()))
                        && !namedOtherwise(mentions, a.code(), a, false, null));
            } else {
                alternative = namedOtherwise(mentions, a.alt(), a, false, null)
                        && !namedOtherwise(mentions, a.code(), a, false, null);
            }
            if (alternative) {
                m.code = a.alt();
                if (a.altPlace()) {
                    m.kind = Kind.CITY;
                    // Georgia the state is a division: the article's towns of Georgia (Athens) are placed by it
                    if (a.division() != null && a.division().startsWith(a.alt() + "-")) {
                        m.division = a.division();
                    }
                }
            }
        }
        resolvePlaces(mentions, tokensOf, datelineCode);
        notPlaces(mentions, tokensOf);
        localCues(mentions);
        // Common words in a capitals-only title need the article to name the country in mixed case.
        for (Mention m : mentions) {
            if (!m.dropped && m.alias.has(Gazetteer.COMMON) && tokensOf[m.field.ordinal()].allCaps
                    && !namedInMixedCase(mentions, tokensOf, m.code)) {
                m.dropped = true;
            }
        }
    }

    /**
     * Decides the towns of an article and the names that are towns as well (Paris, Texas; Lebanon, Pa.):
     * a qualifier after the name decides ("Athens, Ga."); a word after it that makes it an organisation,
     * a street or a county ("Athens Police Department", "Dublin Road") or a person ("Mayor Jackson") drops
     * it; else the article's other places do, one sense per article: a town in a division the article
     * names, in the dateline's country, in a country the article names. A name that stands for a country
     * or a major city gives way only to a town of a division the article names; a town that needs context
     * and finds none is dropped.
     */
    private void resolvePlaces(List<Mention> mentions, Tokens[] tokensOf, String datelineCode) {
        boolean any = false;
        for (Mention m : mentions) {
            any |= m.alias.places() != null && !m.dropped;
        }
        if (!any) {
            return;
        }
        Map<Alias, Mention> qualified = new HashMap<>();
        Set<Alias> persons = null;
        Set<Alias> seats = null; // world cities named as the seat of a local government
        Set<Alias> policed = null; // country names with towns before "Police": "Lebanon Police"
        for (int n = 0; n < mentions.size(); n++) {
            Mention m = mentions.get(n);
            if (!m.dropped && m.alias.places() != null && m.alias.kind() != Kind.CITY
                    && followedBy(m, tokensOf[m.field.ordinal()], police)) {
                if (policed == null) {
                    policed = new HashSet<>(2);
                }
                policed.add(m.alias);
            }
            if (m.dropped || m.alias.places() == null) {
                continue;
            }
            Tokens t = tokensOf[m.field.ordinal()];
            Mention q = n + 1 < mentions.size() ? mentions.get(n + 1) : null;
            if (q != null && !q.dropped && q.field == m.field && q.firstToken == m.lastToken + 1 && q.code != null
                    && (q.kind == Kind.DIVISION || q.kind == Kind.QUALIFIER || q.kind == Kind.NAME)
                    && t.text.substring(t.end[m.lastToken], t.start[q.firstToken]).strip().equals(",")
                    && hasTownIn(m.alias, q.code)) {
                place(m, q.code, q.division);
                qualified.putIfAbsent(m.alias, m);
                continue;
            }
            if ((isMajor(m.alias) || m.alias.kind() != Kind.CITY
                    || (m.alias.code() == null && !m.alias.has(Gazetteer.COMMON) && onlyCountry(m.alias) != null))
                    && seatOfLocalGovernment(m, t)) {
                if (seats == null) {
                    seats = new HashSet<>(2);
                }
                seats.add(m.alias);
                continue; // "Athens Parks and Recreation" names no person
            }
            if (!m.alias.has(Gazetteer.TOWN)) {
                continue;
            }
            if (namedAfter(m, t)) {
                m.dropped = true;
            } else if (isPerson(m, t) || (speaks(m, t) && !isMajor(m.alias))) {
                m.dropped = true;
                if (!personBefore(m, t) && !speaks(m, t)) {
                    continue; // "Arlington Boys Club": this use only
                }
                if (persons == null) {
                    persons = new HashSet<>();
                }
                persons.add(m.alias);
            }
        }
        if (persons != null) {
            // one sense per article: a town's name used for a person is the person throughout (Obama, Perez)
            for (Mention m : mentions) {
                if (persons.contains(m.alias) && !qualified.containsKey(m.alias)) {
                    m.dropped = true;
                }
            }
        }
        // the countries of the article's local cues and counties: a town of one of them wins over a world
        // city or a town abroad of the same name when the article names no other country
        Set<String> local = new HashSet<>(2);
        for (Mention m : mentions) {
            if (!m.dropped && m.code != null && (m.alias.has(Gazetteer.LOCAL) || m.alias == COUNTY)) {
                local.add(m.code);
            }
        }
        if (policed != null && !local.isEmpty()) {
            // "Lebanon Police" in an article with a county or a local cue: the police of a town, a seat
            if (seats == null) {
                seats = new HashSet<>(2);
            }
            seats.addAll(policed);
        }
        Set<String> countries = new HashSet<>();
        Set<String> divisions = new HashSet<>();
        // by country, the places of the article there (divisions, qualifiers, towns): their names
        Map<String, Set<String>> placesIn = new HashMap<>();
        if (datelineCode != null) {
            countries.add(datelineCode);
        }
        for (Mention m : mentions) {
            boolean town = (m.alias.places() != null && m.alias.kind() == Kind.CITY && !qualified.containsKey(m.alias))
                    || m.alias.has(Gazetteer.LOCAL);
            if (!m.dropped && m.code != null && !town) {
                countries.add(m.code);
                if (m.division != null) {
                    divisions.add(m.division);
                    placesIn.computeIfAbsent(m.code, k -> new HashSet<>()).add(m.alias.written());
                }
            }
        }
        // Only an article that names no country yet (no dateline, no country's name) needs its currency and
        // the weight of its towns by country: most of a wire's articles skip both.
        Set<String> currency = null;
        Map<String, Integer> townsIn = Map.of();
        if (countries.isEmpty()) {
            currency = currencies(tokensOf);
            // by country, the mentions of towns that count on their own and whose every namesake lies
            // there (Charleston, Pataskala), and of qualified towns (Athens, Ga.)
            townsIn = new HashMap<>(4);
            for (Mention m : mentions) {
                String only = m.dropped || m.alias.kind() != Kind.CITY || m.alias.places() == null ? null
                        : qualified.containsKey(m.alias) ? m.code : m.alias.code() == null ? null : onlyCountry(m.alias);
                if (only != null) {
                    townsIn.merge(only, 1, Integer::sum);
                }
            }
        }
        // by country, how many distinct towns and counties there the article names (each name once: a
        // town by its alias, a county by its words)
        Map<String, Integer> distinctIn = new HashMap<>(4);
        Set<Object> distinctNames = new HashSet<>();
        for (Mention m : mentions) {
            Alias a = m.alias;
            if (!m.dropped && a.kind() == Kind.CITY && a.places() != null && a.code() != null && !qualified.containsKey(a)
                    && !isMajor(a) && distinctNames.add(a != COUNTY ? a
                    : tokensOf[m.field.ordinal()].text.substring(m.start, m.end).toLowerCase(Locale.ROOT))) {
                distinctIn.merge(a.code(), 1, Integer::sum);
            }
        }
        // Three rounds: the towns of a division the article names; then the other towns that need context,
        // with the places decided so far as context too; then the names of major cities and countries, which
        // give way to a town when the article's places lie in that town's country only (at least two).
        for (int round = 0; round < 3; round++) {
            Map<Alias, Gazetteer.Place> chosen = new HashMap<>();
            for (Mention m : mentions) {
                if (m.dropped || m.alias.places() == null || qualified.containsKey(m.alias) || chosen.containsKey(m.alias)) {
                    continue;
                }
                Alias a = m.alias;
                boolean name = a.kind() != Kind.CITY;
                boolean major = name || isMajor(a);
                if ((round == 0 && name) || (round == 1 && major)
                        || (round == 2 && (!major || (name && (seats == null || !seats.contains(a)))))) {
                    // a country's name gives way to a town only by a qualifier ("China, Texas") or as a seat: a
                    // division named elsewhere ("West Texas crude" in a story on U.S.-China trade) is no context
                    continue;
                }
                // a country's name the article gives in no other way does not hold its country in the article
                String own = name && !a.code().equals(datelineCode) && namedOnlyBy(mentions, a) ? a.code() : null;
                Gazetteer.Place best = null;
                Gazetteer.Place money;
                int bestScore = 0;
                for (Gazetteer.Place p : a.places()) {
                    int score = p.division() != null && divisions.contains(p.division()) ? 3
                            : p.code().equals(datelineCode) ? 2 : countries.contains(p.code()) ? 1 : 0;
                    boolean localHere = round > 0 && local.size() == 1 && local.contains(p.code())
                            && onlyIn(countries, p.code(), own) && !name;
                    // a world city as the seat of a local government is its namesake elsewhere, in an
                    // article that names no other country: the most populous, or one of the article's country
                    boolean seat = round == 2 && seats != null && seats.contains(a) && !p.code().equals(a.code())
                            && (own != null || !countries.contains(a.code())) && onlyIn(countries, p.code(), own);
                    if (score == 0 && (localHere || seat)) {
                        score = 1;
                    }
                    if (round == 2 && score > 0 && score < 3) {
                        Set<String> there = placesIn.get(p.code());
                        score = localHere || seat || (!name && there != null && there.size() >= 2 && placesIn.size() == 1 && countries.size() == 1
                                && countries.contains(p.code())) ? 1 : 0;
                    }
                    if (score > bestScore) {
                        best = p;
                        bestScore = score;
                    }
                }
                int needed = round == 0 ? 3 : a.has(Gazetteer.COMMON) ? 2 : 1; // Reading, Hope: the dateline or a division
                if (best != null && bestScore >= needed) {
                    chosen.put(a, best);
                } else if (round == 1 && a.code() == null && seats != null && seats.contains(a)
                        && onlyIn(countries, a.places()[0].code(), null)) {
                    chosen.put(a, a.places()[0]); // "Groton Town Council": every Groton is in the US
                } else if (round == 1 && a.code() != null && countries.isEmpty() && !qualified.containsKey(a)
                        && distinctIn.getOrDefault(a.code(), 0) == 1 && outweighed(a.code(), townsIn)) {
                    // one sense per article: a lone distinct town abroad (Hampton Park, Victoria) among more
                    // mentions of towns of one other country (Charleston, S.C.) is a namesake there, or no place
                    chosen.put(a, namesake(a, townsIn));
                } else if (round == 1 && countries.isEmpty() && !a.has(Gazetteer.COMMON)
                        && (money = byCurrency(a, currency)) != null) {
                    chosen.put(a, money); // "MANSFIELD — ... $10.3 million": the Mansfield of the dollar
                } else if (round == 1 && a.code() != null && !countries.isEmpty() && !countries.contains(a.code())) {
                    // a distinct town abroad in an article placed elsewhere: not enough alone, but two of
                    // them in one country (Arlington and Grand Prairie, or a county) confirm each other
                    chosen.put(a, distinctIn.getOrDefault(a.code(), 0) >= 2 ? a.places()[0] : null);
                } else if (round == 1 && (a.code() == null || best != null)) {
                    chosen.put(a, null);
                }
            }
            for (Mention m : mentions) {
                if (m.dropped || !chosen.containsKey(m.alias)) {
                    continue;
                }
                Gazetteer.Place p = chosen.get(m.alias);
                if (p != null) {
                    place(m, p.code(), p.division());
                    countries.add(p.code());
                    if (p.division() != null) {
                        divisions.add(p.division());
                    }
                    placesIn.computeIfAbsent(p.code(), k -> new HashSet<>()).add(m.alias.written());
                } else {
                    m.dropped = true; // a town that needs context and has none
                }
            }
        }
        for (Map.Entry<Alias, Mention> e : qualified.entrySet()) {
            // one sense per article: the bare uses of a qualified name are the same place
            for (Mention m : mentions) {
                if (!m.dropped && m.alias == e.getKey()) {
                    m.code = e.getValue().code;
                    m.division = e.getValue().division;
                    m.kind = Kind.CITY;
                }
            }
        }
    }

    /** The countries of the dollar ($, not US$, C$ or A$), in an article that names no country. */
    private static final Set<String> DOLLAR = Set.of("US", "CA", "AU", "NZ");
    private static final Set<String> POUND = Set.of("GB");

    /**
     * The countries whose currency the article's amounts are in: "$" (not "US$", "C$", "HK$") for the
     * dollar countries, "£" for the UK; null for none, or for both.
     */
    private static Set<String> currencies(Tokens[] tokensOf) {
        Set<String> found = null;
        for (Tokens t : tokensOf) {
            if (t == null) {
                continue;
            }
            String text = t.text;
            for (int k = text.indexOf('$'); k >= 0; k = text.indexOf('$', k + 1)) {
                if (k == 0 || !Character.isLetter(text.charAt(k - 1))) {
                    found = found == null || found == DOLLAR ? DOLLAR : Set.of();
                    break;
                }
            }
            if (text.indexOf('£') >= 0) {
                found = found == null || found == POUND ? POUND : Set.of();
            }
        }
        return found == null || found.isEmpty() ? null : found;
    }

    /**
     * The town of {@code a} in the one country whose currency the article uses, when no town of that name
     * in another country of that currency is a third of its size, and {@code a} does not already stand
     * for a town there; else null.
     */
    private static Gazetteer.Place byCurrency(Alias a, Set<String> currency) {
        if (currency == null || (a.code() != null && currency.contains(a.code()))) {
            return null;
        }
        Gazetteer.Place found = null;
        for (Gazetteer.Place p : a.places()) { // most populous first
            if (currency.contains(p.code())) {
                if (found == null) {
                    found = p;
                } else if (!found.code().equals(p.code())) {
                    // Richmond: Virginia's and British Columbia's; Mansfield, Ohio rather than Victoria's
                    return (long) p.population() * Gazetteer.AMBIGUOUS_RATIO >= found.population() ? null : found;
                }
            }
        }
        return found;
    }

    /** The one country of all the towns of {@code a}, or null when they lie in several. */
    private static String onlyCountry(Alias a) {
        String code = a.places()[0].code();
        for (Gazetteer.Place p : a.places()) {
            if (!p.code().equals(code)) {
                return null;
            }
        }
        return code;
    }

    /** The town of {@code a} in the country whose towns the article mentions most, or null when it has none there. */
    private static Gazetteer.Place namesake(Alias a, Map<String, Integer> townsIn) {
        String top = null;
        for (Map.Entry<String, Integer> e : townsIn.entrySet()) {
            if (top == null || e.getValue() > townsIn.get(top)) {
                top = e.getKey();
            }
        }
        for (Gazetteer.Place p : a.places()) {
            if (p.code().equals(top)) {
                return p;
            }
        }
        return null;
    }

    /** Whether another country's towns are mentioned more often than {@code code}'s. */
    private static boolean outweighed(String code, Map<String, Integer> townsIn) {
        int here = townsIn.getOrDefault(code, 0);
        for (Map.Entry<String, Integer> e : townsIn.entrySet()) {
            if (!e.getKey().equals(code) && e.getValue() > here) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the article names a town that needs context and has a namesake in {@code division}: Albany
     * with Georgia (Albany, Ga.) makes both the state's. A world city or a distinct town does not (Athens).
     */
    private static boolean townOfDivision(List<Mention> mentions, String division) {
        if (division == null) {
            return false;
        }
        for (Mention o : mentions) {
            if (!o.dropped && o.alias.kind() == Kind.CITY && o.alias.code() == null && o.alias.places() != null) {
                for (Gazetteer.Place p : o.alias.places()) {
                    if (division.equals(p.division())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether every country of {@code countries} is {@code code} or {@code own} (null for none). */
    private static boolean onlyIn(Set<String> countries, String code, String own) {
        for (String c : countries) {
            if (!c.equals(code) && !c.equals(own)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the article names the country of {@code a} only by {@code a} (Lebanon, not Beirut or Lebanese). */
    private static boolean namedOnlyBy(List<Mention> mentions, Alias a) {
        for (Mention o : mentions) {
            if (!o.dropped && o.alias != a && a.code().equals(o.code)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the name has a town in the country: "Paris, Texas" does, "the UAE, Holland, Ivory Coast" does not. */
    private static boolean hasTownIn(Alias a, String code) {
        for (Gazetteer.Place p : a.places()) {
            if (p.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMajor(Alias a) {
        Gazetteer.Place top = a.places()[0];
        return a.code() != null && top.code().equals(a.code()) && (top.population() >= Gazetteer.MAJOR_CITY
                || (top.capital() && top.population() >= Gazetteer.MAJOR_CAPITAL));
    }

    /** Places mention {@code m} in {@code code}: in its town of {@code division}, else its first town there. */
    private static void place(Mention m, String code, String division) {
        Gazetteer.Place there = null;
        for (Gazetteer.Place p : m.alias.places()) {
            if (p.code().equals(code) && (division == null || division.equals(p.division()))) {
                there = p;
                break;
            }
        }
        m.code = code;
        m.division = there != null ? there.division() : division;
        if (!code.equals(m.alias.code())) {
            m.kind = Kind.CITY;
        }
    }

    /** "Athens Police Department", "Dublin Road", "University of Dayton": a name given after the place. */
    private boolean namedAfter(Mention m, Tokens t) {
        int after = m.lastToken + 1;
        if (after < t.count && t.sentence[after] == t.sentence[m.lastToken] && t.spaceOnlyAfter(m.lastToken)
                && ((namedAfter.contains(t.id[after]) && t.capitalised(after)) || t.shape(after) == Tokens.NO_CASE)) {
            return true; // and "March 3", "Mobile 4": a date or a number
        }
        int before = m.firstToken - 2;
        return before >= 0 && t.id[before + 1] == of && namedOf.contains(t.id[before]) && t.capitalised(before)
                && t.sentence[before] == t.sentence[m.firstToken];
    }

    /**
     * A local cue ("Sheriff's Office", "state Rep.") names its country only in an article that names no
     * other: the Vancouver Police Department is Canada's.
     */
    private static void localCues(List<Mention> mentions) {
        Set<String> cues = null;
        for (Mention m : mentions) {
            if (!m.dropped && m.alias.has(Gazetteer.LOCAL)) {
                if (cues == null) {
                    cues = new HashSet<>(2);
                }
                cues.add(m.code);
            }
        }
        if (cues == null) {
            return;
        }
        boolean elsewhere = cues.size() > 1;
        for (Mention m : mentions) {
            if (!m.dropped && !m.alias.has(Gazetteer.LOCAL) && m.code != null && !cues.contains(m.code)) {
                elsewhere = true;
                break;
            }
        }
        if (elsewhere) {
            for (Mention m : mentions) {
                if (m.alias.has(Gazetteer.LOCAL)) {
                    m.dropped = true;
                }
            }
        }
    }

    /** Whether the word right after mention {@code m}, in its sentence, is {@code word}. */
    private static boolean followedBy(Mention m, Tokens t, int word) {
        int after = m.lastToken + 1;
        return word >= 0 && after < t.count && t.sentence[after] == t.sentence[m.lastToken]
                && t.spaceOnlyAfter(m.lastToken) && t.id[after] == word;
    }

    /** "Robertson said", "Hamilton told reporters": a town's name before a verb of speech is a person's. */
    private boolean speaks(Mention m, Tokens t) {
        int after = m.lastToken + 1;
        return after < t.count && t.sentence[after] == t.sentence[m.lastToken] && t.spaceOnlyAfter(m.lastToken)
                && speech.contains(t.id[after]);
    }

    /**
     * "Athens City Council", "Paris city manager", "Athens Parks and Recreation": the town as the seat of
     * a local government. Not its mayor: "London Mayor Boris Johnson" is news of the world city too.
     */
    private boolean seatOfLocalGovernment(Mention m, Tokens t) {
        if (cityOrTown.contains(t.id[m.lastToken]) || municipal.contains(t.id[m.lastToken])) {
            return false; // "City Council" has no town City
        }
        int after = m.lastToken + 1;
        if (after < t.count && t.sentence[after] == t.sentence[m.lastToken] && t.spaceOnlyAfter(m.lastToken)) {
            if (municipal.contains(t.id[after])) {
                return true;
            }
            if (cityOrTown.contains(t.id[after]) && after + 1 < t.count && t.sentence[after + 1] == t.sentence[after]
                    && t.spaceOnlyAfter(after) && cityOffice.contains(t.id[after + 1])) {
                return true;
            }
        }
        // "Town of Groton": only for a town that needs context ("City of London" is the world city's)
        int before = m.firstToken - 2;
        return m.alias.code() == null && before >= 0 && t.id[before + 1] == of && cityOrTown.contains(t.id[before])
                && t.capitalised(before) && t.sentence[before] == t.sentence[m.firstToken];
    }

    /** "US$ 5 million" is a currency; "in French" a language. */
    private void notPlaces(List<Mention> mentions, Tokens[] tokensOf) {
        for (Mention m : mentions) {
            if (m.dropped) {
                continue;
            }
            Tokens t = tokensOf[m.field.ordinal()];
            String text = t.text;
            if (m.end < text.length() && text.charAt(m.end) == '$') {
                m.dropped = true;
            } else if (m.kind == Kind.DEMONYM && m.firstToken > 0 && t.id[m.firstToken - 1] == in
                    && t.sentence[m.firstToken - 1] == t.sentence[m.firstToken]) {
                int after = m.lastToken + 1;
                boolean ends = after >= t.count || t.sentence[after] != t.sentence[m.lastToken] || !t.spaceOnlyAfter(m.lastToken)
                        || t.id[after] == functionId("and") || t.id[after] == functionId("or");
                if (ends) {
                    m.dropped = true;
                }
            }
        }
    }

    private int functionId(String word) {
        return gazetteer.vocabulary.id(word);
    }

    private static boolean namedOtherwise(List<Mention> mentions, String code, Alias except, boolean placesOnly, Object unused) {
        for (Mention o : mentions) {
            if (!o.dropped && o.alias != except && o.alias.alt() == null && code.equals(o.code)
                    && (!placesOnly || o.kind == Kind.CITY || o.kind == Kind.DIVISION || o.kind == Kind.QUALIFIER
                    || o.alias.has(Gazetteer.LOCAL))) {
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

    /** "Michael Jordan", "Mr Jordan", "Mayor Jackson": a capitalised word before that is no function word or name. */
    private boolean personBefore(Mention m, Tokens t) {
        int before = m.firstToken - 1;
        if (t.allCaps || before < 0) {
            return false;
        }
        if (initial(t, before) && t.text.startsWith(". ", t.end[before]) && !endsName(t, before)) {
            return true; // "J.M. Barrie", "David F. Farnham": an initial ends no sentence here; "U.S." does
        }
        if (t.sentence[before] != t.sentence[m.firstToken] || !t.spaceOnlyAfter(before)) {
            return false;
        }
        if (t.id[before] == by && t.shape(before) == Tokens.UPPER && t.shape(m.firstToken) == Tokens.UPPER) {
            return true; // a byline in capitals: "BY CHAD KLIMACK"
        }
        return Character.isUpperCase(t.text.charAt(t.start[before])) && !functionWords.contains(t.id[before])
                && !placeBefore.contains(t.id[before]) && !isCountryWord(t, before);
    }

    /** Whether token {@code k} ends a two-word name of the gazetteer: "U.S.", "D.C." (not an initial). */
    private boolean endsName(Tokens t, int k) {
        if (k == 0 || t.id[k - 1] < 0 || t.id[k] < 0) {
            return false;
        }
        int node = gazetteer.names.child(PhraseTrie.ROOT, t.id[k - 1]);
        node = node == PhraseTrie.NONE ? node : gazetteer.names.child(node, t.id[k]);
        return node != PhraseTrie.NONE && gazetteer.names.value(node) != null;
    }

    /** Whether token {@code k} is one capital letter, as an initial of a name is. */
    private static boolean initial(Tokens t, int k) {
        return t.end[k] - t.start[k] == 1 && Character.isUpperCase(t.text.charAt(t.start[k]));
    }

    private boolean isPerson(Mention m, Tokens t) {
        if (t.allCaps) {
            return false;
        }
        if (personBefore(m, t)) {
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

    /** Whether the word starts a name that is no town (Smith and Tom are towns too, and still surnames). */
    private boolean isCountryWord(Tokens t, int token) {
        int node = gazetteer.names.child(PhraseTrie.ROOT, t.id[token]);
        if (node == PhraseTrie.NONE) {
            return false;
        }
        Alias alias = gazetteer.names.value(node);
        return alias != null && !alias.has(Gazetteer.TOWN);
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
