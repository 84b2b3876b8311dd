package io.pactwire.tagger;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agreement lexicon, {@code agreements.tsv}: word classes, rules, blocks and status cues, loaded
 * and checked together. Every problem is a {@link DataFileException} naming the row.
 *
 * <pre>
 * class   NAME     word word ...            a named set of words, used as @NAME
 * rule    ID       TYPES   TRIGGER   CONDITIONS
 * block   ID       -       TRIGGER   -        words that never report an agreement (futures contracts)
 * status  STATUS   word word ...            words that say where an agreement stands
 * </pre>
 * A TRIGGER is a sequence of elements, each a word, {@code a|b} alternatives, {@code @CLASS}, {@code *}
 * (any one word), a word, alternatives or class after {@code !} (any one word but those), or any of these ending
 * in {@code ?} (optional); it matches consecutive words of one
 * sentence, case and accents aside. CONDITIONS is {@code -} or a comma-separated list, all of which must hold in the trigger's
 * sentence: {@code near:@C:N} (a word of C at most N words before or after the trigger),
 * {@code before:@C:N}, {@code after:@C:N}, {@code in:@C} (anywhere in the sentence), and each of them
 * negated with a leading {@code !}. TYPES is a comma-separated list of agreement types.
 */
final class AgreementRules {

    /**
     * One element of a trigger: the words it accepts (any word when {@code any}; any word but these when
     * {@code negated}), and whether it may be skipped.
     */
    record Element(Set<Integer> words, boolean any, boolean optional, boolean negated) {
    }

    enum Where { NEAR, BEFORE, AFTER, SENTENCE }

    record Condition(Where where, Set<Integer> words, int distance, boolean negated, String text) {
    }

    record Rule(String id, List<AgreementType> types, List<Element> trigger, List<Condition> conditions, boolean block) {
    }

    final List<Rule> rules;
    /** By word id, the rules whose trigger may start with that word. */
    final Map<Integer, List<Rule>> byFirstWord;
    final Map<AgreementStatus, Set<Integer>> statusWords;
    final Map<String, Set<Integer>> classes;
    /** Every word the rules look for, folded. */
    final Set<String> words;
    final String version;

    private AgreementRules(List<Rule> rules, Map<Integer, List<Rule>> byFirstWord,
                           Map<AgreementStatus, Set<Integer>> statusWords, Map<String, Set<Integer>> classes,
                           Set<String> words, String version) {
        this.rules = rules;
        this.byFirstWord = byFirstWord;
        this.statusWords = statusWords;
        this.classes = classes;
        this.words = words;
        this.version = version;
    }

    static AgreementRules load(String resource, Vocabulary vocabulary) {
        DataFile file = DataFile.load(resource, 3, 5);
        Map<String, Set<Integer>> classes = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        Map<AgreementStatus, Set<Integer>> status = new EnumMap<>(AgreementStatus.class);
        Set<String> ids = new HashSet<>();
        for (DataFile.Row row : file.rows()) {
            switch (row.field(0)) {
                case "class" -> {
                    expect(row, 3);
                    String name = row.field(1);
                    if (classes.containsKey(name)) {
                        throw row.error("class " + name + " is defined twice");
                    }
                    classes.put(name, words(row, row.field(2), vocabulary));
                }
                case "status" -> {
                    expect(row, 3);
                    AgreementStatus s;
                    try {
                        s = AgreementStatus.valueOf(row.field(1));
                    } catch (IllegalArgumentException e) {
                        throw row.error("unknown status " + row.field(1));
                    }
                    if (status.containsKey(s)) {
                        throw row.error("status " + s + " is defined twice");
                    }
                    status.put(s, words(row, row.field(2), vocabulary));
                }
                case "rule", "block" -> {
                    expect(row, 5);
                    boolean block = row.field(0).equals("block");
                    String id = row.field(1);
                    if (!ids.add(id)) {
                        throw row.error("rule id " + id + " is used twice");
                    }
                    List<AgreementType> types = new ArrayList<>();
                    if (block) {
                        if (!row.field(2).equals("-")) {
                            throw row.error("a block has no types: -");
                        }
                    } else {
                        for (String t : row.field(2).split(",")) {
                            try {
                                types.add(AgreementType.valueOf(t));
                            } catch (IllegalArgumentException e) {
                                throw row.error("unknown agreement type " + t);
                            }
                        }
                    }
                    List<Element> trigger = new ArrayList<>();
                    for (String element : row.field(3).split(" +")) {
                        boolean optional = element.endsWith("?") && element.length() > 1;
                        String body = optional ? element.substring(0, element.length() - 1) : element;
                        boolean negated = body.startsWith("!") && body.length() > 1;
                        body = negated ? body.substring(1) : body;
                        Set<Integer> words = new HashSet<>();
                        if (body.equals("*")) {
                            if (negated) {
                                throw row.error("'!*' accepts no word; write * for any word");
                            }
                            trigger.add(new Element(Set.of(), true, optional, false));
                            continue;
                        }
                        for (String alternative : body.split("\\|")) {
                            words.addAll(alternative.startsWith("@") ? classRef(row, alternative, classes)
                                    : Set.of(word(row, alternative, vocabulary)));
                        }
                        trigger.add(new Element(Set.copyOf(words), false, optional, negated));
                    }
                    if (trigger.get(0).optional() || trigger.get(0).any() || trigger.get(0).negated()) {
                        throw row.error("a trigger must start with a word that must be there");
                    }
                    List<Condition> conditions = new ArrayList<>();
                    if (!row.field(4).equals("-")) {
                        for (String c : row.field(4).split(",")) {
                            conditions.add(condition(row, c.strip(), classes));
                        }
                    }
                    rules.add(new Rule(id, List.copyOf(types), List.copyOf(trigger), List.copyOf(conditions), block));
                }
                default -> throw row.error("unknown row kind " + row.field(0) + "; expected class, rule, block or status");
            }
        }
        Map<Integer, List<Rule>> byFirst = new HashMap<>();
        for (Rule rule : rules) {
            for (int w : rule.trigger().get(0).words()) {
                byFirst.computeIfAbsent(w, k -> new ArrayList<>()).add(rule);
            }
        }
        byFirst.replaceAll((k, v) -> List.copyOf(v));
        Set<String> words = new java.util.TreeSet<>();
        for (Rule rule : rules) {
            for (Element e : rule.trigger()) {
                e.words().forEach(id -> words.add(vocabulary.word(id)));
            }
            for (Condition c : rule.conditions()) {
                c.words().forEach(id -> words.add(vocabulary.word(id)));
            }
        }
        return new AgreementRules(List.copyOf(rules), Map.copyOf(byFirst), status, classes, Set.copyOf(words), file.version());
    }

    private static void expect(DataFile.Row row, int fields) {
        if (row.fields().size() != fields) {
            throw row.error("a " + row.field(0) + " row has " + fields + " fields, got " + row.fields().size());
        }
    }

    private static Condition condition(DataFile.Row row, String text, Map<String, Set<Integer>> classes) {
        boolean negated = text.startsWith("!");
        String[] parts = (negated ? text.substring(1) : text).split(":");
        Where where = switch (parts[0]) {
            case "near" -> Where.NEAR;
            case "before" -> Where.BEFORE;
            case "after" -> Where.AFTER;
            case "in" -> Where.SENTENCE;
            default -> throw row.error("unknown condition " + text);
        };
        if ((where == Where.SENTENCE) != (parts.length == 2) || parts.length < 2 || parts.length > 3) {
            throw row.error("condition " + text + ": near|before|after:@CLASS:N or in:@CLASS");
        }
        int distance = Integer.MAX_VALUE;
        if (parts.length == 3) {
            try {
                distance = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                throw row.error("condition " + text + ": " + parts[2] + " is not a number of words");
            }
        }
        return new Condition(where, classRef(row, parts[1], classes), distance, negated, text);
    }

    private static Set<Integer> classRef(DataFile.Row row, String ref, Map<String, Set<Integer>> classes) {
        Set<Integer> words = ref.startsWith("@") ? classes.get(ref.substring(1)) : null;
        if (words == null) {
            throw row.error("unknown class " + ref + " (classes must be defined before use)");
        }
        return words;
    }

    private static Set<Integer> words(DataFile.Row row, String list, Vocabulary vocabulary) {
        Set<Integer> words = new HashSet<>();
        for (String w : list.split(" +")) {
            if (!words.add(word(row, w, vocabulary))) {
                throw row.error("word " + w + " is listed twice");
            }
        }
        return Set.copyOf(words);
    }

    private static int word(DataFile.Row row, String w, Vocabulary vocabulary) {
        String key = Fold.key(w);
        if (key.isEmpty() || key.contains(" ")) {
            throw row.error("'" + w + "' is not one word");
        }
        return vocabulary.add(key);
    }
}
