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

    /** A city is matched in running text when it has at least this many people... */
    static final int MAJOR_CITY = 1_000_000;
    /** ... or is a capital of at least this many. Smaller places are matched in datelines only. */
    static final int MAJOR_CAPITAL = 50_000;

    static final int EXACT = 1;
    static final int COMMON = 2;
    static final int PERSON = 4;
    static final int PREFIX = 8;

    /** What kind of name an alias is; {@link #match} is the word evidence uses for it. */
    enum Kind {
        NAME("name"), DEMONYM("demonym"), CITY("city"), INSTITUTION("institution"), HISTORICAL("historical"),
        QUALIFIER("qualifier"), BLOCK("block");

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
     * One name of a country, or a phrase that names none (code null, kind BLOCK).
     *
     * @param written  as the data writes it
     * @param capitals by word, whether the word starts with a capital (then the text's must too)
     * @param exactCore for EXACT aliases, the written form without a final full stop, compared as is
     * @param alt      another country it may stand for, or null
     * @param altPlace whether only places (cities, states, the dateline) speak for {@code alt}
     */
    record Alias(String code, Kind kind, int flags, String written, boolean[] capitals, String exactCore,
                 String alt, boolean altPlace, String source) {

        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    final Vocabulary vocabulary;
    final PhraseTrie<Alias> names;
    /** Folded place name to country code, for datelines: country names, cities, states. */
    final Map<String, String> places;
    /** Folded dateline qualifier ("n j", "texas", "france") to country code. */
    final Map<String, String> qualifiers;
    final Map<String, String> displayNames;
    /** Every phrase the trie matches in running text, as written (blocks included). */
    final List<String> phrases;
    final String version;

    private Gazetteer(Vocabulary vocabulary, PhraseTrie<Alias> names, Map<String, String> places,
                      Map<String, String> qualifiers, Map<String, String> displayNames, List<String> phrases, String version) {
        this.vocabulary = vocabulary;
        this.names = names;
        this.places = places;
        this.qualifiers = qualifiers;
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

    /** Builder state while loading; the trie is built once the vocabulary is complete. */
    static final class Loader {
        final Vocabulary vocabulary;
        private final PhraseTrie.Builder<Alias> trie = PhraseTrie.builder();
        private final Map<String, Alias> byKey = new HashMap<>();
        private final Map<String, String> places = new HashMap<>();
        private final Map<String, String> qualifiers = new HashMap<>();
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
                boolean altPlace = false;
                if (!row.field(3).equals("-")) {
                    for (String flag : row.field(3).split(",")) {
                        switch (flag) {
                            case "exact" -> flags |= EXACT;
                            case "common" -> flags |= COMMON;
                            case "person" -> flags |= PERSON;
                            case "prefix" -> flags |= PREFIX;
                            case "override" -> override = true;
                            default -> {
                                if (!flag.startsWith("alt=")) {
                                    throw row.error("unknown flag " + flag);
                                }
                                String[] parts = flag.substring(4).split("/", -1);
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
                Alias alias = alias(row, code, kind, flags, written, alt, altPlace);
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

        Loader cities(String resource) {
            DataFile file = DataFile.load(resource, 4);
            versions.add(file.version());
            Set<String> seen = new HashSet<>();
            for (DataFile.Row row : file.rows()) {
                String written = row.field(0);
                String code = code(row, row.field(1));
                int population;
                try {
                    population = Integer.parseInt(row.field(2));
                } catch (NumberFormatException e) {
                    throw row.error("population must be a whole number, got " + row.field(2));
                }
                boolean capital = false;
                boolean ambiguous = false;
                if (!row.field(3).equals("-")) {
                    for (String flag : row.field(3).split(",")) {
                        switch (flag) {
                            case "capital" -> capital = true;
                            case "ambiguous" -> ambiguous = true;
                            default -> throw row.error("unknown flag " + flag);
                        }
                    }
                }
                String key = key(row, written);
                if (!seen.add(key)) {
                    throw row.error("city '" + written + "' is listed twice");
                }
                if (byKey.containsKey(key)) {
                    continue; // a country, alias or block of that name wins
                }
                if (!ambiguous) {
                    places.putIfAbsent(key, code);
                    boolean major = population >= MAJOR_CITY || (capital && population >= MAJOR_CAPITAL);
                    if (major) {
                        put(key, alias(row, code, Kind.CITY, 0, written, null, false));
                    }
                }
            }
            return this;
        }

        Gazetteer build() {
            return new Gazetteer(vocabulary, trie.build(vocabulary.size()), Map.copyOf(places), Map.copyOf(qualifiers),
                    Map.copyOf(displayNames), byKey.values().stream().map(Alias::written).sorted().toList(),
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
                    row.file() + ":" + row.line());
        }
    }
}
