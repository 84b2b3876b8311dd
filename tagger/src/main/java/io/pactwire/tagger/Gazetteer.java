package io.pactwire.tagger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The country names the tagger knows, from three data files loaded and checked together:
 * {@code countries.tsv} (generated: names and demonyms), {@code aliases.tsv} (by hand: the forms news
 * uses, history, institutions, ambiguities) and {@code cities.tsv} (generated: cities). A hand-written
 * alias may replace a generated one only when it says {@code override}; a city named like a country or
 * an alias is that country or alias (Lebanon, Pennsylvania is not Lebanon's city).
 */
final class Gazetteer {
    /** Codes outside {@link Locale#getISOCountries()} that the data may use: Kosovo and former states. */
    static final Set<String> EXTRA_CODES = Set.of("XK", "SU", "DD", "YU", "CS", "YD", "AN");

    /** A city counts on its own in running text when it has at least this many people... */
    static final int MAJOR_CITY = 1_000_000;
    /** ... or is a capital of at least this many... */
    static final int MAJOR_CAPITAL = 50_000;
    /**
     * ... or is a town of at least this many whose name is no common word and no town of another country
     * shares at a third of its size. Any other town needs context to count: a qualifier after it, the
     * dateline, or another place of the article in the same country (see {@link CountryFinder}).
     */
    static final int DISTINCT_TOWN = 15_000;
    /** A town of another country this many times smaller still makes a name ambiguous. */
    static final int AMBIGUOUS_RATIO = 3;

    static final int EXACT = 1;
    static final int COMMON = 2;
    static final int PERSON = 4;
    static final int PREFIX = 8;
    /** A name of cities.tsv (not a country's or a hand-written alias's): cue words and persons may drop it. */
    static final int TOWN = 16;
    /**
     * A cue of local news placed in one country ("Sheriff's Office", "state Rep."): it names that country
     * only in an article that names no other, and lets a town of that country win over a world city or a
     * town abroad of the same name (see {@link CountryFinder}).
     */
    static final int LOCAL = 32;

    /** What kind of name an alias is; {@link #match} is the word evidence uses for it. */
    enum Kind {
        NAME("name"), DEMONYM("demonym"), CITY("city"), DIVISION("division"), INSTITUTION("institution"),
        HISTORICAL("historical"), QUALIFIER("qualifier"), BLOCK("block");

        final String match;

        Kind(String match) {
            this.match = match;
        }

        static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.match.equals(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * A populated place of {@code cities.tsv}.
     *
     * @param division its ISO 3166-2 first-level division (US-GA), or null when unknown
     */
    record Place(String code, String division, int population, boolean capital) {
    }

    /**
     * One name of a country, or a phrase that names none (code null, kind BLOCK).
     *
     * @param written  as the data writes it
     * @param capitals by word, whether the word starts with a capital (then the text's must too)
     * @param exactCore for EXACT aliases, the written form without a final full stop, compared as is
     * @param alt      another country it may stand for, or null
     * @param altPlace whether only places (cities, states, the dateline) speak for {@code alt}
     * @param division for a first-level division or its abbreviation, its ISO 3166-2 code; for a name whose
     *                 alternative is a division (Georgia: the US state), that division; else null
     * @param places   the towns of this name, most populous first, or null: context may pick one of them
     *                 instead of {@code code}, which is null for a town that needs context to count
     */
    record Alias(String code, Kind kind, int flags, String written, boolean[] capitals, String exactCore,
                 String alt, boolean altPlace, String source, String division, Place[] places) {

        boolean has(int flag) {
            return (flags & flag) != 0;
        }

        Alias withPlaces(String newCode, Place[] newPlaces) {
            return new Alias(newCode, kind, flags, written, capitals, exactCore, alt, altPlace, source, division, newPlaces);
        }
    }

    final Vocabulary vocabulary;
    final PhraseTrie<Alias> names;
    /** Folded place name to country code, for datelines: country names, cities, states. */
    final Map<String, String> places;
    /** Folded dateline qualifier ("n j", "texas", "france") to country code. */
    final Map<String, String> qualifiers;
    /** Folded qualifier of a first-level division ("ga", "texas", "ont") to its ISO 3166-2 code. */
    final Map<String, String> divisions;
    final Map<String, String> displayNames;
    /** Every phrase the trie matches in running text, as written (blocks included). */
    final List<String> phrases;
    final String version;

    private Gazetteer(Vocabulary vocabulary, PhraseTrie<Alias> names, Map<String, String> places,
                      Map<String, String> qualifiers, Map<String, String> divisions, Map<String, String> displayNames,
                      List<String> phrases, String version) {
        this.vocabulary = vocabulary;
        this.names = names;
        this.places = places;
        this.qualifiers = qualifiers;
        this.divisions = divisions;
        this.displayNames = displayNames;
        this.phrases = phrases;
        this.version = version;
    }

    String displayName(String code) {
        return displayNames.getOrDefault(code, code);
    }

    static Set<String> knownCodes() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.addAll(EXTRA_CODES);
        return codes;
    }

    /** Builder state while loading (countries, aliases, divisions, cities, in that order); the trie is built once the vocabulary is complete. */
    static final class Loader {
        final Vocabulary vocabulary;
        private final PhraseTrie.Builder<Alias> trie = PhraseTrie.builder();
        private final Map<String, Alias> byKey = new HashMap<>();
        private final Map<String, String> places = new HashMap<>();
        private final Map<String, String> qualifiers = new HashMap<>();
        private final Map<String, String> divisions = new HashMap<>();
        private final Map<String, String> displayNames = new LinkedHashMap<>();
        private final Set<String> codes = knownCodes();
        private final List<String> versions = new ArrayList<>();

        Loader(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
        }

        Loader countries(String resource) {
            DataFile file = DataFile.load(resource, 3);
            versions.add(file.version());
            Map<String, DataFile.Row> seen = new HashMap<>();
            for (DataFile.Row row : file.rows()) {
                String code = code(row, row.field(0));
                Kind kind = Kind.of(row.field(1));
                if (kind != Kind.NAME && kind != Kind.DEMONYM) {
                    throw row.error("kind must be name or demonym, got " + row.field(1));
                }
                String written = row.field(2);
                String key = key(row, written);
                DataFile.Row before = seen.putIfAbsent(key, row);
                if (before != null) {
                    throw row.error("alias '" + written + "' is already on line " + before.line() + " (for "
                            + before.field(0) + ")");
                }
                displayNames.putIfAbsent(code, written);
                put(key, alias(row, code, kind, 0, written, null, false));
                if (kind == Kind.NAME) {
                    places.put(key, code);
                    qualifiers.put(key, code);
                }
            }
            return this;
        }

        Loader aliases(String resource) {
            DataFile file = DataFile.load(resource, 4);
            versions.add(file.version());
            Map<String, DataFile.Row> seen = new HashMap<>();
            for (DataFile.Row row : file.rows()) {
                Kind kind = Kind.of(row.field(1));
                if (kind == null) {
                    throw row.error("unknown kind " + row.field(1));
                }
                String code = row.field(0).equals("-") ? null : code(row, row.field(0));
                if ((code == null) != (kind == Kind.BLOCK)) {
                    throw row.error("a block has code -, and only a block");
                }
                String written = row.field(2);
                String key = key(row, written);
                DataFile.Row before = seen.putIfAbsent(key, row);
                if (before != null) {
                    throw row.error("alias '" + written + "' is already on line " + before.line() + " (for "
                            + before.field(0) + ")");
                }
                int flags = 0;
                boolean override = false;
                String alt = null;
                String altDivision = null;
                boolean altPlace = false;
                if (!row.field(3).equals("-")) {
                    for (String flag : row.field(3).split(",")) {
                        switch (flag) {
                            case "exact" -> flags |= EXACT;
                            case "common" -> flags |= COMMON;
                            case "person" -> flags |= PERSON;
                            case "prefix" -> flags |= PREFIX;
                            case "local" -> flags |= LOCAL;
                            case "override" -> override = true;
                            default -> {
                                if (!flag.startsWith("alt=")) {
                                    throw row.error("unknown flag " + flag);
                                }
                                String[] parts = flag.substring(4).split("/", -1);
                                if (parts[0].length() > 3 && parts[0].charAt(2) == '-') {
                                    altDivision = parts[0]; // alt=US-GA/place: Georgia the state, a division
                                    parts[0] = parts[0].substring(0, 2);
                                }
                                alt = code(row, parts[0]);
                                altPlace = parts.length == 2 && parts[1].equals("place");
                                if (alt.equals(code) || (parts.length == 2 && !altPlace) || parts.length > 2) {
                                    throw row.error("bad flag " + flag + ": alt=XX or alt=XX/place, XX another code");
                                }
                            }
                        }
                    }
                }
                if (kind == Kind.QUALIFIER) {
                    if (flags != 0 || alt != null || override) {
                        throw row.error("a qualifier takes no flags");
                    }
                    qualifiers.put(key, code);
                    continue;
                }
                Alias generated = byKey.get(key);
                if (generated != null && !override) {
                    throw row.error("alias '" + written + "' is already in " + generated.source() + " for "
                            + generated.code() + "; say override to replace it");
                }
                if (generated == null && override) {
                    throw row.error("override of '" + written + "', which no other file has");
                }
                if (altDivision != null && !altPlace) {
                    throw row.error("an alternative division (alt=US-GA/place) is for places only");
                }
                Alias alias = alias(row, code, kind, flags, written, alt, altPlace, altDivision);
                if (override) {
                    trie.replace(words(written), alias);
                    byKey.put(key, alias);
                } else {
                    put(key, alias);
                }
                if (code != null) {
                    displayNames.putIfAbsent(code, written);
                    if (kind == Kind.NAME || kind == Kind.HISTORICAL || kind == Kind.CITY) {
                        places.put(key, code);
                        qualifiers.put(key, code);
                    }
                } else {
                    places.remove(key);
                }
            }
            return this;
        }

        /**
         * The first-level divisions: names matched anywhere (kind DIVISION), abbreviations ("Ga.") and
         * postal codes ("GA") only as a qualifier after a place and a comma. A name aliases.tsv already
         * gives (Washington, Georgia) stays as aliases.tsv says.
         */
        Loader divisions(String resource) {
            DataFile file = DataFile.load(resource, 3);
            versions.add(file.version());
            Map<String, DataFile.Row> seen = new HashMap<>();
            for (DataFile.Row row : file.rows()) {
                String division = row.field(0);
                int dash = division.indexOf('-');
                if (dash != 2 || division.length() < 4) {
                    throw row.error("division must be an ISO 3166-2 code (US-GA), got " + division);
                }
                String code = code(row, division.substring(0, 2));
                String written = row.field(2);
                String key = key(row, written);
                DataFile.Row before = seen.putIfAbsent(key, row);
                if (before != null) {
                    throw row.error("name '" + written + "' is already on line " + before.line() + " (for "
                            + before.field(0) + ")");
                }
                divisions.put(key, division);
                qualifiers.putIfAbsent(key, code);
                switch (row.field(1)) {
                    case "name" -> {
                        if (!byKey.containsKey(key)) {
                            places.put(key, code);
                            put(key, alias(row, code, Kind.DIVISION, 0, written, null, false, division));
                        }
                    }
                    case "abbreviation", "postal" -> {
                        if (!byKey.containsKey(key)) {
                            put(key, alias(row, code, Kind.QUALIFIER, 0, written, null, false, division));
                        }
                    }
                    default -> throw row.error("kind must be name, abbreviation or postal, got " + row.field(1));
                }
            }
            return this;
        }

        /**
         * The towns: one row per name, country and division. A name is matched in running text; what it
         * stands for is the most populous town when that is a major city or a distinct town (see
         * {@link #DISTINCT_TOWN}), else nothing until context picks one of its towns. A country or alias
         * of the same name keeps its meaning, and gets the towns as the senses context may pick instead
         * (Lebanon, Pa.); a block hides them.
         */
        Loader cities(String resource) {
            DataFile file = DataFile.load(resource, 5);
            versions.add(file.version());
            Map<String, List<Place>> byName = new LinkedHashMap<>();
            Map<String, String> writtenOf = new HashMap<>();
            Map<String, Boolean> commonOf = new HashMap<>();
            Map<String, DataFile.Row> rowOf = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (DataFile.Row row : file.rows()) {
                String written = row.field(0);
                String code = code(row, row.field(1));
                String division = row.field(2).equals("-") ? null : row.field(2);
                if (division != null && !division.startsWith(code + "-")) {
                    throw row.error("division " + division + " is not in " + code);
                }
                int population;
                try {
                    population = Integer.parseInt(row.field(3));
                } catch (NumberFormatException e) {
                    throw row.error("population must be a whole number, got " + row.field(3));
                }
                boolean capital = false;
                boolean common = false;
                if (!row.field(4).equals("-")) {
                    for (String flag : row.field(4).split(",")) {
                        switch (flag) {
                            case "capital" -> capital = true;
                            case "common" -> common = true;
                            default -> throw row.error("unknown flag " + flag);
                        }
                    }
                }
                String key = key(row, written);
                if (!seen.add(key + "\t" + code + "\t" + division)) {
                    throw row.error("town '" + written + "' is listed twice in " + code + " " + row.field(2));
                }
                String before = writtenOf.putIfAbsent(key, written);
                if (before != null && !before.equals(written)) {
                    throw row.error("town '" + written + "' is written '" + before + "' on an earlier row");
                }
                commonOf.merge(key, common, Boolean::logicalOr);
                rowOf.putIfAbsent(key, row);
                byName.computeIfAbsent(key, k -> new ArrayList<>(1))
                        .add(new Place(code.intern(), division == null ? null : division.intern(), population, capital));
            }
            for (Map.Entry<String, List<Place>> e : byName.entrySet()) {
                String key = e.getKey();
                List<Place> list = e.getValue();
                list.sort((a, b) -> Integer.compare(b.population(), a.population()));
                Place[] towns = list.toArray(new Place[0]);
                Place top = towns[0];
                Place rival = null;
                for (Place p : towns) {
                    if (!p.code().equals(top.code())) {
                        rival = p;
                        break;
                    }
                }
                boolean ambiguous = rival != null && !top.capital()
                        && (long) rival.population() * AMBIGUOUS_RATIO >= top.population();
                Alias existing = byKey.get(key);
                if (existing != null) {
                    if (existing.kind() != Kind.BLOCK && existing.kind() != Kind.QUALIFIER && existing.places() == null) {
                        Alias with = existing.withPlaces(existing.code(), towns);
                        trie.replace(words(existing.written()), with);
                        byKey.put(key, with);
                    }
                    continue; // a country, alias or block of that name wins
                }
                if (!ambiguous) {
                    places.putIfAbsent(key, top.code());
                }
                boolean common = commonOf.get(key);
                boolean major = top.population() >= MAJOR_CITY || (top.capital() && top.population() >= MAJOR_CAPITAL);
                boolean distinct = !ambiguous && !common && top.population() >= DISTINCT_TOWN;
                String code = major || distinct ? top.code() : null;
                Alias alias = alias(rowOf.get(key), code, Kind.CITY, TOWN | (common ? COMMON : 0), writtenOf.get(key), null, false, null)
                        .withPlaces(code, towns);
                put(key, alias);
            }
            return this;
        }

        Gazetteer build() {
            return new Gazetteer(vocabulary, trie.build(vocabulary.size()), Map.copyOf(places), Map.copyOf(qualifiers),
                    Map.copyOf(divisions), Map.copyOf(displayNames), byKey.values().stream().map(Alias::written).sorted().toList(),
                    String.join("+", versions));
        }

        private void put(String key, Alias alias) {
            trie.add(words(alias.written()), alias);
            byKey.put(key, alias);
        }

        private int[] words(String written) {
            String key = Fold.key(written);
            String[] parts = key.split(" ");
            int[] ids = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                ids[i] = vocabulary.add(parts[i]);
            }
            return ids;
        }

        private String code(DataFile.Row row, String code) {
            if (!codes.contains(code)) {
                throw row.error("unknown country code " + code);
            }
            return code;
        }

        private static String key(DataFile.Row row, String written) {
            String key = Fold.key(written);
            if (key.isEmpty()) {
                throw row.error("alias '" + written + "' has no words");
            }
            return key;
        }

        private static Alias alias(DataFile.Row row, String code, Kind kind, int flags, String written, String alt,
                                   boolean altPlace) {
            return alias(row, code, kind, flags, written, alt, altPlace, null);
        }

        private static Alias alias(DataFile.Row row, String code, Kind kind, int flags, String written, String alt,
                                   boolean altPlace, String division) {
            List<Boolean> capitals = new ArrayList<>();
            boolean inWord = false;
            for (int i = 0; i < written.length(); i++) {
                boolean letter = Fold.fold(written.charAt(i)) != 0;
                if (letter && !inWord) {
                    capitals.add(Character.isUpperCase(written.charAt(i)));
                }
                inWord = letter;
            }
            boolean[] caps = new boolean[capitals.size()];
            for (int i = 0; i < caps.length; i++) {
                caps[i] = capitals.get(i);
            }
            String core = written.endsWith(".") ? written.substring(0, written.length() - 1) : written;
            return new Alias(code, kind, flags, written, caps, (flags & EXACT) != 0 ? core : null, alt, altPlace,
                    row.file() + ":" + row.line(), division, null);
        }
    }
}
