package io.pactwire.tagger;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.Evidence;
import io.pactwire.model.Party;
import io.pactwire.model.TextField;
import io.pactwire.tagger.AgreementRules.Condition;
import io.pactwire.tagger.AgreementRules.Rule;
import io.pactwire.tagger.Gazetteer.Kind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the agreements an article reports with the rules of {@link AgreementRules}: at each word that
 * can start a trigger, every rule whose trigger matches and whose conditions hold in the sentence
 * reports its types, unless a block covers the word. Then, per type: its status from the cue word
 * nearest the trigger ("signed" SIGNED, "will sign" PROPOSED, "talks" NEGOTIATING), its parties (the
 * organisations and countries the sentence names), its date (a date in the sentence, or the dateline's
 * date for "today" and "yesterday") and its evidence (the sentences, each with the rule that fired).
 */
final class AgreementFinder {
    private static final Pattern FULL_DATE = Datelines.datePattern();
    /** How many words before a deal a regulator's review may stand ("reviewing the controversial merger"). */
    private static final int REVIEW_REACH = 4;
    /** How many words after a money instrument its participle may stand ("the loans the agency has issued"). */
    private static final int GIVEN_REACH = 4;
    /** Up to twelve sides: RCEP, a forum's communique and OPEC+ name more than six countries in one list. */
    private static final int MAX_PARTIES = 12;
    /**
     * The sides of the reporting sentence that make a country `about` the article: the first six, as before
     * the cap was raised (a long list of members names countries the article is not about).
     */
    private static final int MAX_ABOUT_PARTIES = 6;
    /** The sentences of one agreement type read for its parties. */
    private static final int MAX_SENTENCES = 4;

    /** A rule that fired. */
    record Hit(Rule rule, TextField field, Tokens tokens, int triggerStart, int triggerEnd, int sentenceStart, int sentenceEnd) {
    }

    /** One trigger element or condition class as a bit set over word ids; a negated element accepts the words not in it. */
    private record Compiled(Rule rule, BitSet[] elements, boolean[] optional, boolean[] negated, BitSet[] conditionWords) {
    }

    /** By the id of its first word: the blocks (unrelated senses) and the rules that start with it. */
    private final Compiled[][] blocksByFirstWord;
    private final Compiled[][] triggersByFirstWord;
    private final Compiled[] compiledRules;
    /**
     * By word id, a bit per {@link AgreementStatus#ordinal()} the word is a cue for. One look-up per word
     * of the sentence: iterating a map of the statuses for each word showed in the profile.
     */
    private final int[] statusCues;
    private static final AgreementStatus[] STATUSES = AgreementStatus.values();
    private final BitSet modal;
    private final BitSet organisationWords;
    private final BitSet governmentWords;
    private final BitSet connectors;
    private final BitSet today;
    private final BitSet negation;
    private final BitSet approval;
    private final BitSet proposal;
    private final BitSet award;
    private final BitSet voiceWords;
    private final BitSet yesterday;
    private final BitSet weakCues;
    private final BitSet determiners;
    private final BitSet relatives;
    private final BitSet instruments;
    private final BitSet agenda;
    private final BitSet inForce;
    /** How far before an instrument a word that cites it in the background may stand ("as provided for in the ... treaty"). */
    private static final int CITATION_REACH = 12;
    private final BitSet background;
    private final BitSet companyNouns;
    /** "law firms", "consulting firms": advisers of a deal, none of its sides. */
    private final BitSet advisers;
    /** "a US District Judge": a country's court, no side of what it rules on. */
    private final BitSet courts;
    /** "thanked Qatar for its assistance": the words of thanks and of the help thanked for. */
    private final BitSet thanks;
    private final BitSet help;
    /** "the office in Singapore", "its Mexico plant": a company's site, a place and no side. */
    private final BitSet facilities;
    /** "with major companies": the other side named as private firms. */
    private final BitSet privateSides;
    private final BitSet leadingCues;
    /** Words that open a clause of their own: "while", "whereas", "although", relative pronouns. */
    private final BitSet clauseOpeners;
    /** "and", "but": a new clause when a subject pronoun follows ("and they urged"). */
    private final BitSet coordinators;
    private final BitSet subjectPronouns;
    /** How far after its trigger a relative pronoun still describes the instrument ("a pact with Chile that"). */
    private static final int RELATIVE_REACH = 4;
    /** "the conclusion of the negotiations": how far before the talks the word that ends them stands. */
    private static final int CONCLUSION_REACH = 3;
    /** "completion", "concluded": words that end talks. */
    private final BitSet conclusions;
    /** "welcomed", "urged", "mediated": a government that looks on an agreement, no side of it. */
    private final BitSet bystanders;
    /** "completion", "conclusion": an end of talks that may be reported or only wished for. */
    private final BitSet conclusionNouns;
    /** "welcomed", "announced", "marked": an event reported as done. */
    private final BitSet accomplished;
    /** How far after "after the agreement" a verb of its own ("is signed", "closes") is looked for. */
    private static final int STAGE_REACH = 4;
    /** "after", "following": the agreement they introduce took place before. */
    private final BitSet afterwards;
    /** At most this many determiners and modifiers between "and" and the agreement it joins to a cue noun. */
    private static final int COORDINATED_REACH = 3;
    /** "and", "or": a noun joined to the agreement by them is its sibling. */
    private final BitSet alternatives;
    private final BitSet fighting;
    private final BitSet twoSides;
    private final BitSet threeSides;
    private final BitSet states;
    private final BitSet pluralSubjects;
    private final BitSet multi;
    /** "our" before a {@link #bonds} word: the release's government and the country it addresses. */
    private final BitSet ours;
    private final BitSet bonds;
    private final BitSet force;
    private final BitSet partyTo;
    private final BitSet datedDeal;
    private final BitSet implementsWords;
    private final BitSet references;
    private final BitSet indefinite;
    private final BitSet conditional;
    /** "Act", "Law", "Bill": a statute whose name holds an instrument ("the Convention Against Doping in Sport Act"). */
    private final BitSet statutes;
    /** "made", "extended", "granted": money lent to a side ("loans made to", "credit extended to"). */
    private final BitSet lent;
    /** "provided", "issued": money handed over, before or after a {@link #money} instrument. */
    private final BitSet given;
    private final BitSet money;
    /** "reviewing", "scrutinising": a regulator's review of a deal, before it. */
    private final BitSet review;
    /** agreements-10: "the memorandum", "the MoU": a form a later sentence refers back to ({@link #formsReferredTo}). */
    private final BitSet coopForms;
    /** "principles", "terms", "commitments": what an agreement holds, described by a participle ("the terms agreed in"). */
    private final BitSet describedNouns;
    /** Lower-case words inside a capitalised name: "of", "in", "on", "against" ("Convention on Mercury Act"). */
    private final BitSet nameLinks;
    /** How many words after an instrument a statute named after it may end its name. */
    private static final int STATUTE_NAME_REACH = 8;
    /** How far after a cue the instrument it governs may stand ("entered into the agreements"). */
    private static final int OBJECT_REACH = 3;

    AgreementFinder(AgreementRules rules, Vocabulary vocabulary) {
        int size = vocabulary.size();
        List<Compiled> all = new ArrayList<>();
        List<List<Compiled>> first = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            first.add(null);
        }
        for (Rule rule : rules.rules) {
            BitSet[] elements = new BitSet[rule.trigger().size()];
            boolean[] optional = new boolean[elements.length];
            boolean[] negated = new boolean[elements.length];
            for (int e = 0; e < elements.length; e++) {
                elements[e] = rule.trigger().get(e).any() ? null : bits(rule.trigger().get(e).words());
                optional[e] = rule.trigger().get(e).optional();
                negated[e] = rule.trigger().get(e).negated();
            }
            BitSet[] conditions = new BitSet[rule.conditions().size()];
            for (int c = 0; c < conditions.length; c++) {
                conditions[c] = bits(rule.conditions().get(c).words());
            }
            Compiled compiled = new Compiled(rule, elements, optional, negated, conditions);
            all.add(compiled);
            for (int w : rule.trigger().get(0).words()) {
                if (first.get(w) == null) {
                    first.set(w, new ArrayList<>());
                }
                first.get(w).add(compiled);
            }
        }
        blocksByFirstWord = new Compiled[size][];
        triggersByFirstWord = new Compiled[size][];
        for (int i = 0; i < size; i++) {
            if (first.get(i) != null) {
                Compiled[] blocks = first.get(i).stream().filter(c -> c.rule().block()).toArray(Compiled[]::new);
                Compiled[] triggers = first.get(i).stream().filter(c -> !c.rule().block()).toArray(Compiled[]::new);
                blocksByFirstWord[i] = blocks.length == 0 ? null : blocks;
                triggersByFirstWord[i] = triggers.length == 0 ? null : triggers;
            }
        }
        compiledRules = all.toArray(Compiled[]::new);
        statusCues = new int[size];
        rules.statusWords.forEach((status, words) -> words.forEach(w -> statusCues[w] |= 1 << status.ordinal()));
        modal = classOrEmpty(rules, "MODAL");
        organisationWords = classOrEmpty(rules, "ORGANISATION");
        governmentWords = classOrEmpty(rules, "GOVERNMENT");
        connectors = classOrEmpty(rules, "CONNECTOR");
        today = classOrEmpty(rules, "TODAY");
        negation = classOrEmpty(rules, "NEGATION");
        approval = classOrEmpty(rules, "APPROVAL");
        proposal = classOrEmpty(rules, "PROPOSAL");
        award = classOrEmpty(rules, "AWARD");
        voiceWords = classOrEmpty(rules, "VOICE");
        yesterday = classOrEmpty(rules, "YESTERDAY");
        weakCues = classOrEmpty(rules, "WEAKCUE");
        determiners = classOrEmpty(rules, "DETERMINER");
        relatives = classOrEmpty(rules, "RELATIVE");
        instruments = classOrEmpty(rules, "INSTRUMENT");
        agenda = classOrEmpty(rules, "AGENDA");
        inForce = classOrEmpty(rules, "INFORCE");
        background = classOrEmpty(rules, "BACKGROUND");
        companyNouns = classOrEmpty(rules, "COMPANYNOUN");
        advisers = classOrEmpty(rules, "ADVISER");
        courts = classOrEmpty(rules, "COURT");
        thanks = classOrEmpty(rules, "THANKS");
        help = classOrEmpty(rules, "HELP");
        facilities = classOrEmpty(rules, "FACILITY");
        privateSides = classOrEmpty(rules, "PRIVATESIDE");
        leadingCues = classOrEmpty(rules, "LEADINGCUE");
        fighting = classOrEmpty(rules, "FIGHTING");
        twoSides = classOrEmpty(rules, "TWOSIDES");
        threeSides = classOrEmpty(rules, "THREESIDES");
        states = classOrEmpty(rules, "STATES");
        pluralSubjects = classOrEmpty(rules, "PLURALSUBJECT");
        multi = classOrEmpty(rules, "MULTI");
        ours = classOrEmpty(rules, "OURS");
        bonds = classOrEmpty(rules, "BOND");
        force = classOrEmpty(rules, "FORCE");
        partyTo = classOrEmpty(rules, "PARTYTO");
        datedDeal = classOrEmpty(rules, "DATEDDEAL");
        implementsWords = classOrEmpty(rules, "IMPLEMENTS");
        references = classOrEmpty(rules, "REFERENCE");
        indefinite = classOrEmpty(rules, "INDEFINITE");
        conditional = classOrEmpty(rules, "CONDITIONAL");
        statutes = classOrEmpty(rules, "STATUTE");
        lent = classOrEmpty(rules, "LENT");
        given = classOrEmpty(rules, "GIVEN");
        money = classOrEmpty(rules, "MONEY");
        review = classOrEmpty(rules, "REVIEW");
        coopForms = classOrEmpty(rules, "COOPFORM");
        describedNouns = classOrEmpty(rules, "CONTENTS");
        nameLinks = classOrEmpty(rules, "NAMELINK");
        clauseOpeners = classOrEmpty(rules, "CLAUSEOPENER");
        coordinators = classOrEmpty(rules, "COORDINATOR");
        conclusions = classOrEmpty(rules, "CONCLUSION");
        bystanders = classOrEmpty(rules, "BYSTANDER");
        conclusionNouns = classOrEmpty(rules, "CONCLUSIONNOUN");
        accomplished = classOrEmpty(rules, "ACCOMPLISHED");
        afterwards = classOrEmpty(rules, "AFTERWARDS");
        alternatives = classOrEmpty(rules, "SIBLING");
        subjectPronouns = classOrEmpty(rules, "SUBJECTPRONOUN");
    }

    private static BitSet classOrEmpty(AgreementRules rules, String name) {
        Set<Integer> words = rules.classes.get(name);
        return words == null ? new BitSet() : bits(words);
    }

    private static BitSet bits(Set<Integer> words) {
        BitSet bits = new BitSet();
        words.forEach(bits::set);
        return bits;
    }

    int ruleCount() {
        return compiledRules.length;
    }

    /**
     * Every rule that fires in {@code tokens}, in text order. Blocks go first: the words they cover
     * start no trigger and count for no condition.
     */
    void scan(TextField field, Tokens t, List<Hit> out) {
        // blocks first, so that a block covering a word silences the rules starting there
        boolean[] blocked = null;
        int count = t.count;
        int[] ids = t.id;
        for (int k = 0; k < t.starters; k++) {
            if ((t.starterFlags[k] & Tokens.STARTS_BLOCK) == 0) {
                continue;
            }
            int i = t.starter[k];
            int id = ids[i];
            Compiled[] blocks = id >= blocksByFirstWord.length ? null : blocksByFirstWord[id];
            if (blocks == null || (blocked != null && blocked[i])) {
                continue;
            }
            for (Compiled c : blocks) {
                int end = matchTrigger(c, t, i);
                if (end >= 0 && conditionsHold(c, t, i, end, t.sentenceStart(i), t.sentenceEnd(i), blocked)) {
                    if (blocked == null) {
                        blocked = new boolean[count];
                    }
                    java.util.Arrays.fill(blocked, i, end + 1, true);
                }
            }
        }
        for (int k = 0; k < t.starters; k++) {
            if ((t.starterFlags[k] & Tokens.STARTS_RULE) == 0) {
                continue;
            }
            int i = t.starter[k];
            int id = ids[i];
            Compiled[] triggers = id >= triggersByFirstWord.length ? null : triggersByFirstWord[id];
            if (triggers == null || (blocked != null && blocked[i])) {
                continue;
            }
            for (Compiled c : triggers) {
                int end = matchTrigger(c, t, i);
                if (end < 0) {
                    continue;
                }
                // a trigger matches within one sentence: that of its first word
                int sStart = t.sentenceStart(i);
                int sEnd = t.sentenceEnd(i);
                if (conditionsHold(c, t, i, end, sStart, sEnd, blocked)) {
                    out.add(new Hit(c.rule(), field, t, i, end, sStart, sEnd));
                }
            }
        }
    }

    /** True when an unrelated-sense block can start with the word {@code wordId}. */
    boolean startsBlock(int wordId) {
        return wordId < blocksByFirstWord.length && blocksByFirstWord[wordId] != null;
    }

    /** True when an agreement rule can start with the word {@code wordId}. */
    boolean startsRule(int wordId) {
        return wordId < triggersByFirstWord.length && triggersByFirstWord[wordId] != null;
    }

    /** The last token of the trigger matched from {@code i}, or -1. */
    private static int matchTrigger(Compiled c, Tokens t, int i) {
        return match(c, t, 0, i, t.sentence[i]);
    }

    private static int match(Compiled c, Tokens t, int element, int token, int sentence) {
        if (element == c.elements().length) {
            return token - 1;
        }
        BitSet words = c.elements()[element];
        if (token < t.count && t.sentence[token] == sentence
                && (words == null || (t.id[token] >= 0 && words.get(t.id[token])) != c.negated()[element])) {
            int end = match(c, t, element + 1, token + 1, sentence);
            if (end >= 0) {
                return end;
            }
        }
        if (c.optional()[element]) {
            return match(c, t, element + 1, token, sentence);
        }
        return -1;
    }

    private static boolean conditionsHold(Compiled c, Tokens t, int start, int end, int sStart, int sEnd, boolean[] blocked) {
        List<Condition> conditions = c.rule().conditions();
        for (int k = 0; k < conditions.size(); k++) {
            Condition condition = conditions.get(k);
            BitSet words = c.conditionWords()[k];
            int from;
            int to;
            boolean found;
            switch (condition.where()) {
                case BEFORE -> found = any(t, blocked, words, Math.max(sStart, start - condition.distance()), start - 1);
                case AFTER -> found = any(t, blocked, words, end + 1, Math.min(sEnd, end + condition.distance()));
                case NEAR -> {
                    from = Math.max(sStart, start - condition.distance());
                    to = Math.min(sEnd, end + condition.distance());
                    found = any(t, blocked, words, from, start - 1) || any(t, blocked, words, end + 1, to);
                }
                default -> found = any(t, blocked, words, sStart, start - 1) || any(t, blocked, words, end + 1, sEnd);
            }
            if (found == condition.negated()) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(Tokens t, boolean[] blocked, BitSet words, int from, int to) {
        for (int k = from; k <= to; k++) {
            int id = t.id[k];
            if (id >= 0 && words.get(id) && (blocked == null || !blocked[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The agreement tags of the hits, one per type in the order first reported.
     *
     * @param mentions      the article's country mentions, to find parties
     * @param datelineCode  the dateline's country, or null: the country of an unnamed ministry
     * @param publisherCode the country of the government that published the article, or null: the country of an
     *                      unnamed ministry before the dateline's (a release's dateline may be where it was signed)
     * @param companyHomes  the home countries the article states for its companies ({@link #companyHomes}): the sides
     *                      of an agreement whose sentences name no country
     * @param datelineDate  the dateline's date, or null
     * @param why           receives, per tag, the rule that found it and how its status and date were decided
     * @param leadParties   receives the party countries named in the sentence that reports each agreement
     *                      (the others come from its other sentences, or the release's own government)
     */
    List<AgreementTag> tags(List<Hit> hits, Tokens body, List<CountryFinder.Mention> mentions, String datelineCode,
                            String publisherCode, List<Party> companyHomes, LocalDate datelineDate,
                            List<Explanation.AgreementReason> why, Set<String> leadParties) {
        String governmentCode = publisherCode != null ? publisherCode : datelineCode;
        // why: the reasons of each tag, or null when nobody asked (tagging at full speed)
        Map<AgreementType, List<Hit>> byType = new LinkedHashMap<>();
        for (Hit hit : hits) {
            for (AgreementType type : hit.rule().types()) {
                byType.computeIfAbsent(type, k -> new ArrayList<>()).add(hit);
            }
        }
        List<AgreementTag> tags = new ArrayList<>(byType.size());
        String home = homeCountry(mentions, governmentCode);
        String named = hits.isEmpty() || home == null ? null : governmentVoice(hits);
        // a government's own release speaks for it, whoever it names
        String voice = named == null && publisherCode != null ? "Government" : named;
        // "U.S.-Russia Presidential Joint Statement on ...": a joint statement speaks for all the sides its name states
        List<Party> jointVoice = new ArrayList<>(2);
        for (Hit hit : hits) {
            if (hit.field() == TextField.TITLE && hit.rule().types().contains(AgreementType.JOINT_DECLARATION)
                    && jointVoice.isEmpty()) {
                jointVoice.addAll(PartyFinder.sidesInTheName(hit.tokens(), hit.field(), hit.triggerStart(),
                        hit.sentenceStart(), mentions));
            }
        }
        byType.forEach((type, headlineOrBody) -> {
            List<Hit> typeHits = headlineOrBody;
            List<Evidence> evidence = new ArrayList<>();
            for (Hit h : typeHits) {
                int start = h.tokens().start[h.sentenceStart()];
                int end = sentenceEnd(h.tokens(), h.sentenceEnd());
                boolean dup = false;
                for (Evidence e : evidence) {
                    dup |= e.field() == h.field() && e.start() == start;
                }
                if (!dup) {
                    evidence.add(new Evidence(h.field(), start, end, h.tokens().text.substring(start, end), h.rule().id()));
                }
            }
            if (body != null && typeHits.stream().allMatch(h -> h.field() == TextField.TITLE)) {
                // a headline that names the instrument, a body that speaks of "the above Agreement": that
                // sentence reports it, with its sides and stage
                typeHits = new ArrayList<>(typeHits);
                typeHits.addAll(references(typeHits.get(0).rule(), body));
            }
            // "Under the memorandum, the sides will work together": the memorandum's subject, read where the memorandum
            // was reported (its signing sentence: its stage and its sides)
            typeHits = formsReferredTo(type, typeHits, byType);
            Hit first = typeHits.get(0);
            for (Hit h : typeHits) {
                if (h.field() == TextField.BODY) {
                    first = h; // the body says more than a headline about status, parties and date
                    break;
                }
            }
            // the first sentence that says where the agreement stands: the body first, then the headline; a
            // sentence that only cites it in the background ("the rights provided for in the treaty") says nothing
            boolean onlyCited = true;
            for (Hit h : typeHits) {
                onlyCited &= cited(h);
            }
            AgreementStatus status = onlyCited || cited(first) ? AgreementStatus.UNKNOWN : status(first);
            for (int i = 0; i < typeHits.size() && status == AgreementStatus.UNKNOWN; i++) {
                status = cited(typeHits.get(i)) ? AgreementStatus.UNKNOWN : status(typeHits.get(i));
            }
            status = laterCueOverAnAttribute(typeHits, first, status);
            if (status == AgreementStatus.UNKNOWN && type == AgreementType.JOINT_DECLARATION && !onlyCited) {
                // a joint statement or communique is published by its sides together: they agreed its text
                status = AgreementStatus.AGREED;
            }
            if (status == AgreementStatus.UNKNOWN && !onlyCited && body != null
                    && typeHits.stream().allMatch(h -> h.field() == TextField.TITLE) && approvesAProposal(body)) {
                // "Extradition Treaty between X and Y" over a body that only says "the proposal made by the
                // Minister ... was approved": the item decided on is the plan to enter into it
                status = AgreementStatus.PROPOSED;
            }
            if (status == AgreementStatus.UNKNOWN && !onlyCited) {
                status = statusOfAnExistingInstrument(typeHits);
            }
            status = laterStageOfTheHeadline(typeHits, status);
            String date = date(first, datelineDate);
            // an unnamed government ("the Cabinet", "the Ministry of Finance") is placed once all sides are known
            Set<Party> unnamed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<Party> parties = new ArrayList<>(parties(first, mentions, unnamed, governmentCode));
            int lead = parties.size();
            // the other sentences that report it name the sides the first leaves out ("the Cabinet approved ...")
            for (int i = 0; i < Math.min(typeHits.size(), MAX_SENTENCES) && parties.size() < MAX_PARTIES; i++) {
                if (typeHits.get(i) != first) {
                    for (Party p : parties(typeHits.get(i), mentions, null, governmentCode)) {
                        boolean known = false;
                        for (Party q : parties) {
                            known |= p.country() == null ? q.name().equals(p.name()) : p.country().equals(q.country());
                        }
                        if (!known && p.country() != null && parties.size() < MAX_PARTIES) {
                            parties.add(p);
                        }
                    }
                }
            }
            // "the Government welcomed the MoU that Chile and Peru signed": the government looks on, no side
            boolean looksOn = parties.stream().anyMatch(p -> p.country() != null) && bystander(typeHits);
            if (looksOn) {
                parties.removeIf(unnamed::contains);
            }
            String own = governmentsCountry(mentions, governmentCode, parties);
            for (int i = 0; i < parties.size(); i++) {
                Party p = parties.get(i);
                if (unnamed.contains(p) && own != null) {
                    parties.set(i, new Party(p.name(), own));
                }
            }
            for (int i = 0; i < Math.min(Math.min(lead, MAX_ABOUT_PARTIES), parties.size()); i++) {
                if (parties.get(i).country() != null) {
                    leadParties.add(parties.get(i).country());
                }
            }
            if (publisherCode != null && endOfFighting(typeHits)
                    && parties.stream().anyMatch(p -> p.country() != null && !publisherCode.equals(p.country()))) {
                // a government that reports, urges or mediates a ceasefire is no side of it: those who fight are
                parties.removeIf(p -> publisherCode.equals(p.country()));
            } else if (voice != null && own != null && parties.size() < MAX_PARTIES
                    && parties.stream().noneMatch(p -> own.equals(p.country()))
                    && !looksOn && !(countries(parties) > 0 && withPrivateSides(typeHits))
                    && !ownedByAnother(typeHits, mentions, own)) {
                parties.add(new Party(voice, own)); // a Cabinet's release: its government is a side
                if (jointVoice.stream().anyMatch(p -> own.equals(p.country()))) {
                    for (Party side : jointVoice) {
                        if (parties.size() < MAX_PARTIES && parties.stream().noneMatch(p -> side.country().equals(p.country()))) {
                            parties.add(side); // "our commitment" in a joint statement: all who issue it
                        }
                    }
                }
            }
            int sides = sidesStated(typeHits);
            if (sides == 0 && voice != null && own != null && countries(parties) == 1 && own.equals(onlyCountry(parties))
                    && meetingSides(first)) {
                sides = 2; // "They agreed to implement the framework": the release's government and its guest
            }
            for (int found = countries(parties); found > 0 && found < sides && parties.size() < MAX_PARTIES; found++) {
                // "the two governments signed a bilateral accord": the side the sentence leaves unnamed is the
                // other country the article names most
                String other = mostNamed(mentions, code -> parties.stream().noneMatch(p -> code.equals(p.country())));
                if (other == null) {
                    break;
                }
                parties.add(new Party(gazetteerName(mentions, other), other));
            }
            if (type == AgreementType.TRADE_AGREEMENT || type == AgreementType.JOINT_DECLARATION) {
                String one = onlyCountry(parties);
                String other = one == null ? null : mostNamed(mentions, code -> !code.equals(one));
                if (other != null && parties.size() < MAX_PARTIES) {
                    // a trade deal has two sides at least: "the trade deal" of a story on China and the U.S.
                    parties.add(new Party(gazetteerName(mentions, other), other));
                }
            }
            List<Party> inTheName = sidesInTheNames(typeHits, mentions);
            if (!inTheName.isEmpty()) {
                // "the freedoms guaranteed by the Sino-British Joint Declaration": its name says whose it is
                parties.clear();
                parties.addAll(inTheName);
            }
            if (parties.stream().allMatch(p -> p.country() == null)) {
                // "Spotify acquired Gimlet ... The Swedish company": the companies' home as the article states it
                for (Party company : companyHomes) {
                    if (parties.size() < MAX_PARTIES) {
                        parties.add(company);
                    }
                }
            }
            tags.add(new AgreementTag(type, status, parties, date, evidence));
            if (why == null) {
                return;
            }
            why.add(new Explanation.AgreementReason(type, first.rule().id(),
                    first.tokens().text.substring(first.tokens().start[first.triggerStart()], first.tokens().end[first.triggerEnd()]),
                    status, date));
        });
        return tags;
    }

    /**
     * agreements-10: an agreement's sentences with each one that refers back to a form replaced by the sentence that
     * reported the form. A body sentence whose trigger is no form word but which names a form with a determiner ("Under
     * the memorandum, the countries will work together", "Through this MoU ...") speaks of the form another type
     * reported in an earlier body sentence by a form word ("Today X and Y signed a memorandum of understanding"): the
     * type is that form's subject, and its stage and sides are read where the form was reported. Other sentences, and a
     * type with no such earlier form, are kept as they are.
     */
    private List<Hit> formsReferredTo(AgreementType type, List<Hit> typeHits, Map<AgreementType, List<Hit>> byType) {
        List<Hit> read = null;
        for (int i = 0; i < typeHits.size(); i++) {
            Hit h = typeHits.get(i);
            if (h.field() != TextField.BODY || triggerHoldsAForm(h) || !namesAFormWithADeterminer(h)) {
                continue;
            }
            Hit form = null;
            for (Map.Entry<AgreementType, List<Hit>> other : byType.entrySet()) {
                for (Hit o : other.getValue()) {
                    if (other.getKey() != type && o.field() == TextField.BODY && o.sentenceStart() < h.sentenceStart()
                            && triggerHoldsAForm(o) && (form == null || o.sentenceStart() < form.sentenceStart())) {
                        form = o;
                    }
                }
            }
            if (form != null) {
                if (read == null) {
                    read = new ArrayList<>(typeHits);
                }
                read.set(i, form);
            }
        }
        return read == null ? typeHits : read;
    }

    private boolean namesAFormWithADeterminer(Hit h) {
        Tokens t = h.tokens();
        for (int k = h.sentenceStart() + 1; k <= h.sentenceEnd(); k++) {
            if (t.id[k] >= 0 && coopForms.get(t.id[k]) && t.id[k - 1] >= 0 && determiners.get(t.id[k - 1])) {
                return true;
            }
        }
        return false;
    }

    private boolean triggerHoldsAForm(Hit h) {
        for (int k = h.triggerStart(); k <= h.triggerEnd(); k++) {
            if (h.tokens().id[k] >= 0 && coopForms.get(h.tokens().id[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The home countries the article states for companies, each once, in the order first stated: a country or its
     * demonym before at most four lower-case words and a company noun ("the Swedish company", "Japanese
     * entertainment and electronics giant", "a U.S. chipmaker"), or a country's possessive before a name ("Japan's
     * SoftBank"). Each is a party named by its phrase.
     */
    List<Party> companyHomes(List<CountryFinder.Mention> mentions, Tokens title, Tokens body) {
        List<Party> homes = new ArrayList<>(2);
        for (CountryFinder.Mention m : mentions) {
            if (m.dropped || m.code == null) {
                continue;
            }
            Tokens t = m.field == TextField.TITLE ? title : body;
            if (m.kind == Kind.CITY || m.kind == Kind.DIVISION) {
                // "New York-based Pfizer", "the firm, which is based in Brookfield, Wisconsin": a headquarters
                String based = PartyFinder.headquarters(t, m.firstToken, m.lastToken, companyNouns);
                String code = m.code;
                if (based != null && homes.stream().noneMatch(p -> code.equals(p.country()))) {
                    homes.add(new Party(based, code));
                }
                continue;
            }
            if (m.kind != Kind.NAME && m.kind != Kind.DEMONYM) {
                continue;
            }
            int end = -1;
            if (m.kind == Kind.NAME && possessiveBeforeAName(t, m)) {
                end = m.lastToken + 2;
            }
            for (int k = m.lastToken + 1; end < 0 && k < t.count && k <= m.lastToken + 5 && t.sentence[k] == t.sentence[m.lastToken]; k++) {
                int id = t.id[k];
                if (id >= 0 && companyNouns.get(id)) {
                    end = k;
                } else if (id >= 0 && advisers.get(id)) {
                    break; // "US and international law firms" advise on deals, they are no side of them
                } else if (capitalisedName(t, k) || !onlySpacesBetween(t, k - 1)) {
                    break; // "Japanese Prime Minister", "Swiss, the company": no longer the description of one company
                }
            }
            String code = m.code;
            if (end >= 0 && homes.stream().noneMatch(p -> code.equals(p.country()))) {
                homes.add(new Party(t.text.substring(m.start, t.end[Math.min(end, t.count - 1)]), code));
            }
        }
        return homes;
    }

    /**
     * The sides the names of an agreement's instruments state ({@link PartyFinder#sidesInTheName}), over the sentences
     * that report it, each country once; empty when no name states them.
     */
    private static List<Party> sidesInTheNames(List<Hit> typeHits, List<CountryFinder.Mention> mentions) {
        List<Party> sides = new ArrayList<>(2);
        for (int i = 0; i < Math.min(typeHits.size(), MAX_SENTENCES); i++) {
            Hit h = typeHits.get(i);
            for (Party p : PartyFinder.sidesInTheName(h.tokens(), h.field(), h.triggerStart(), h.sentenceStart(), mentions)) {
                if (sides.size() < MAX_PARTIES && sides.stream().noneMatch(q -> q.country().equals(p.country()))) {
                    sides.add(p);
                }
            }
        }
        return sides;
    }

    /** The body's sentences that refer to the headline's instrument ("the above Agreement"), as hits of {@code rule}. */
    private List<Hit> references(Rule rule, Tokens body) {
        List<Hit> out = new ArrayList<>(1);
        for (int k = 0; k + 1 < body.count && out.size() < MAX_SENTENCES; k++) {
            int id = body.id[k];
            if (id < 0 || !references.get(id)) {
                continue;
            }
            for (int j = k + 1; j <= Math.min(k + 3, body.count - 1) && body.sentence[j] == body.sentence[k]; j++) {
                if (body.id[j] >= 0 && instruments.get(body.id[j])) {
                    out.add(new Hit(rule, TextField.BODY, body, j, j, body.sentenceStart(j), body.sentenceEnd(j)));
                    break;
                }
            }
        }
        return out;
    }

    /** The number of distinct countries among {@code parties}. */
    private static int countries(List<Party> parties) {
        Set<String> codes = new java.util.HashSet<>();
        for (Party p : parties) {
            if (p.country() != null) {
                codes.add(p.country());
            }
        }
        return codes.size();
    }

    /**
     * The number of sides the sentences of an agreement say it has, or 0 when none says: "bilateral" (two),
     * "trilateral" (three), or a number word before a word of the STATES class ("the two governments", "both
     * countries", "the three nations"). The largest any sentence states; 0 for an end to fighting (a truce, "a
     * negotiated political settlement", the words before the mention included), whose sides may be the factions of
     * one country.
     */
    private int sidesStated(List<Hit> typeHits) {
        int sides = 0;
        for (Hit h : typeHits) {
            Tokens t = h.tokens();
            for (int k = Math.max(h.sentenceStart(), h.triggerStart() - 3); k <= h.triggerEnd(); k++) {
                if (t.id[k] >= 0 && fighting.get(t.id[k])) {
                    return 0; // "a negotiated political settlement", "the truce": the sides may be one country's factions
                }
            }
            for (int k = h.sentenceStart(); k <= h.sentenceEnd(); k++) {
                int id = t.id[k];
                if (id < 0) {
                    continue;
                }
                boolean two = twoSides.get(id);
                boolean three = threeSides.get(id);
                if (!two && !three) {
                    continue;
                }
                String w = t.word(k);
                boolean alone = w.endsWith("lateral");
                boolean counted = alone || (k < h.sentenceEnd() && t.id[k + 1] >= 0 && states.get(t.id[k + 1]));
                if (counted) {
                    sides = Math.max(sides, three ? 3 : 2);
                }
            }
        }
        return sides;
    }

    /**
     * Whether the sentence of {@code h} opens with the sides of a meeting as its subject: a plural pronoun ("They
     * agreed", "We will sign"), "our" before a word of a bond ("Our ties"), or a determiner or number word before a
     * word of the MULTI class ("The leaders welcomed", "Both ministers").
     */
    private boolean meetingSides(Hit h) {
        Tokens t = h.tokens();
        int k = h.sentenceStart();
        if (k > h.sentenceEnd() || t.id[k] < 0) {
            return false;
        }
        if (pluralSubjects.get(t.id[k])) {
            return true;
        }
        if (ours.get(t.id[k]) && k + 1 <= h.sentenceEnd() && t.id[k + 1] >= 0 && bonds.get(t.id[k + 1])) {
            return true; // "Our ties stretch back to the treaty": the release's government and the country it addresses
        }
        return (determiners.get(t.id[k]) || twoSides.get(t.id[k])) && k + 1 <= h.sentenceEnd() && t.id[k + 1] >= 0
                && multi.get(t.id[k + 1]);
    }

    /** The one country among {@code parties}, or null when they have none or several. */
    private static String onlyCountry(List<Party> parties) {
        String one = null;
        for (Party p : parties) {
            if (p.country() != null && one != null && !one.equals(p.country())) {
                return null;
            }
            one = p.country() != null ? p.country() : one;
        }
        return one;
    }

    /** The text of the article's first mention of {@code code}. */
    private static String gazetteerName(List<CountryFinder.Mention> mentions, String code) {
        for (CountryFinder.Mention m : mentions) {
            if (!m.dropped && code.equals(m.code)) {
                return m.alias.written();
            }
        }
        return code;
    }

    /** "Japan's SoftBank": the country's name, a possessive and a capitalised word. */
    private static boolean possessiveBeforeAName(Tokens t, CountryFinder.Mention m) {
        int k = m.lastToken + 1;
        if (k + 1 >= t.count || !t.word(k).equals("s") || t.end[m.lastToken] + 1 != t.start[k]) {
            return false;
        }
        char apostrophe = t.text.charAt(t.end[m.lastToken]);
        return (apostrophe == '\'' || apostrophe == '’') && capitalisedName(t, k + 1);
    }

    /**
     * The country an unnamed government of the article is: the dateline's, else the one the article names
     * most (cities and institutions included; the first named on a tie). A release of a Cabinet or a
     * ministry speaks for its own government and rarely names its country in every sentence.
     */
    static String homeCountry(List<CountryFinder.Mention> mentions, String datelineCode) {
        if (datelineCode != null) {
            return datelineCode;
        }
        return mostNamed(mentions, code -> true);
    }

    /**
     * The country of an unnamed government that is a side of an agreement: the dateline's; else the country
     * the article names most that is not already a side by name. A Cabinet does not sign with itself: in "the
     * Minister ... to enter into an agreement with the Government of Korea was approved by the Cabinet" the
     * Cabinet is that of the other country the release names, even when it names Korea more often. (A release
     * that names its own country as a side as well as "the Cabinet" then gets a third country: the text alone
     * cannot tell which of the two it speaks for.)
     */
    static String governmentsCountry(List<CountryFinder.Mention> mentions, String datelineCode, List<Party> parties) {
        if (datelineCode != null) {
            return datelineCode;
        }
        return mostNamed(mentions, code -> parties.stream().noneMatch(p -> code.equals(p.country())));
    }

    /** The country the article names most among those {@code eligible} (the first named on a tie), or null. */
    private static String mostNamed(List<CountryFinder.Mention> mentions, java.util.function.Predicate<String> eligible) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CountryFinder.Mention m : mentions) {
            if (!m.dropped && m.code != null && eligible.test(m.code)) {
                counts.merge(m.code, 1, Integer::sum);
            }
        }
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /**
     * The word by which the article speaks for a government ("Cabinet", "the Government", "Ministry"
     * capitalised, without a country in the same name), or null: such a release's agreements have its
     * government as a side even where a sentence names only the other.
     */
    private String governmentVoice(List<Hit> hits) {
        for (Hit h : hits) {
            Tokens t = h.tokens();
            for (int k = 0; k < t.count; k++) {
                int id = t.id[k];
                if (id >= 0 && voiceWords.get(id) && capitalisedName(t, k)
                        && (k + 1 >= t.count || !t.wordIs(k + 1, "of"))) {
                    return t.word(k);
                }
            }
        }
        return null;
    }

    /**
     * Whether every sentence of the agreement has the reporting government look on: it welcomes, urges,
     * congratulates, supports or mediates ("we welcome the agreement between X and Y", "brokered by"), so
     * the sides it names are the agreement's and the government is none of them.
     */
    private boolean bystander(List<Hit> typeHits) {
        for (Hit h : typeHits) {
            Tokens t = h.tokens();
            boolean looksOn = false;
            for (int k = h.sentenceStart(); k <= h.sentenceEnd() && !looksOn; k++) {
                // lower case: "the International Mediation Organization" is a name, not a government looking on
                // and the government's own act: "the UK's support for the programme" is another side's
                looksOn = t.id[k] >= 0 && bystanders.get(t.id[k]) && t.shape(k) == Tokens.LOWER
                        && !(k > h.sentenceStart() && possessive(t, k - 1));
            }
            if (!looksOn) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every sentence of the agreement names its other side as private firms: "with", at most two lower-case
     * words and a word of PRIVATESIDE ("Thailand signed the letter of intent with major companies", "agreed with
     * foreign investors"). The country it names signs with them; the release's government is no side.
     */
    private boolean withPrivateSides(List<Hit> typeHits) {
        for (Hit h : typeHits) {
            Tokens t = h.tokens();
            boolean found = false;
            for (int k = h.sentenceStart(); k < h.sentenceEnd() && !found; k++) {
                if (!t.wordIs(k, "with")) {
                    continue;
                }
                for (int j = k + 1; j <= Math.min(k + 3, h.sentenceEnd()) && t.shape(j) == Tokens.LOWER && !found; j++) {
                    found = t.id[j] >= 0 && privateSides.get(t.id[j]);
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every sentence of the agreement gives it to another country by a possessive before it, at most three
     * lower-case words between ("Somalia's path to debt relief", "Kenya's loan programme"): that country's instrument,
     * which the release's government ({@code own}) reports and is no side of.
     */
    private static boolean ownedByAnother(List<Hit> typeHits, List<CountryFinder.Mention> mentions, String own) {
        for (Hit h : typeHits) {
            Tokens t = h.tokens();
            boolean owned = false;
            for (CountryFinder.Mention m : mentions) {
                if (m.dropped || m.field != h.field() || m.code == null || m.code.equals(own) || m.kind != Kind.NAME
                        || m.lastToken >= h.triggerStart() || m.lastToken < h.triggerStart() - 5
                        || m.firstToken < h.sentenceStart() || !possessive(t, m.lastToken)) {
                    continue;
                }
                boolean lower = true;
                for (int k = m.lastToken + 1; k < h.triggerStart() && lower; k++) {
                    lower = t.shape(k) == Tokens.LOWER;
                }
                owned |= lower;
            }
            if (!owned) {
                return false;
            }
        }
        return true;
    }

    /** Whether token {@code k} is a possessive ("the UK's", "Japan’s"). */
    private static boolean possessive(Tokens t, int k) {
        int end = t.end[k];
        String text = t.text;
        if (end >= 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')
                && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '\u2019')) {
            return true;
        }
        return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')
                && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S');
    }

    /** A sentence ends after its last word's closing punctuation. */
    private static int sentenceEnd(Tokens t, int lastToken) {
        int end = t.end[lastToken];
        String text = t.text;
        while (end < text.length() && end - t.end[lastToken] < 3) {
            char c = text.charAt(end);
            if (c == '.' || c == '!' || c == '?' || c == '"' || c == '”' || c == ')') {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    /**
     * True when every sentence of the agreement reports an end to fighting (a ceasefire, a truce, a peace
     * deal, a political settlement: a word of {@code FIGHTING} in its trigger).
     */
    private boolean endOfFighting(List<Hit> typeHits) {
        for (Hit h : typeHits) {
            boolean found = false;
            for (int k = h.triggerStart(); k <= h.triggerEnd() && !found; k++) {
                found = h.tokens().id[k] >= 0 && fighting.get(h.tokens().id[k]);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether "party" / "parties" at {@code k} is followed by "to" and the instrument's phrase ("the parties to the
     * convention", "a party to the Amendment to the treaty"): its signatories. "Urged the parties to reach a deal"
     * has a verb after "to".
     */
    private boolean partyToTheInstrument(Hit h, int k) {
        Tokens t = h.tokens();
        if (k + 2 > h.triggerStart() || !t.wordIs(k + 1, "to")) {
            return false;
        }
        int next = t.id[k + 2];
        return k + 2 == h.triggerStart() || (next >= 0 && determiners.get(next)) || capitalisedName(t, k + 2);
    }

    /** Whether a year (1900 to 2099, four digits) stands between tokens {@code from} and {@code to}. */
    private static boolean namesAYear(Tokens t, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (t.end[k] - t.start[k] == 4) {
                char a = t.text.charAt(t.start[k]);
                char b = t.text.charAt(t.start[k] + 1);
                if (((a == '1' && b == '9') || (a == '2' && b == '0')) && Character.isDigit(t.text.charAt(t.start[k] + 2))
                        && Character.isDigit(t.text.charAt(t.start[k] + 3))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a word of carrying out ("implementation", "implementing") stands between the cue at {@code k} and the agreement. */
    private boolean implementing(Hit h, int k) {
        for (int j = k + 1; j < h.triggerStart(); j++) {
            if (h.tokens().id[j] >= 0 && implementsWords.get(h.tokens().id[j])) {
                return true;
            }
        }
        return false;
    }

    /** Whether a sentence of {@code body} approves a proposal ("the proposal made by the Minister ... was approved"). */
    private boolean approvesAProposal(Tokens body) {
        for (int k = 0; k < body.count; k++) {
            if (body.id[k] >= 0 && proposal.get(body.id[k])) {
                for (int j = body.sentenceStart(k); j <= body.sentenceEnd(k); j++) {
                    if (body.id[j] >= 0 && approval.get(body.id[j])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the sentence cites the instrument in the background, as the source of a norm ("the freedoms
     * guaranteed by the Joint Declaration", "the principles of the UN Charter", "in line with the guidelines set
     * by the convention"): a word of {@code BACKGROUND} before it in its clause, with no cue between. Such a
     * sentence says nothing of the instrument's stage.
     */
    private boolean cited(Hit h) {
        Tokens t = h.tokens();
        if (namesAStatute(h)) {
            return true;
        }
        if (moneyGiven(h)) {
            return false; // "LKR 300 million provided as a grant": money handed over, not "as provided for in"
        }
        int from = Math.max(clauseStart(h), h.triggerStart() - CITATION_REACH);
        for (int k = h.triggerStart() - 1; k >= from; k--) {
            int id = t.id[k];
            if (id < 0) {
                continue;
            }
            if (background.get(id)) {
                return true;
            }
            if (statusCues[id] != 0 || weakCues.get(id) || proposal.get(id) || inForce.get(id)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the instrument is named inside the name of a statute ("the Convention Against Doping in Sport Act",
     * "the Chemical Weapons Convention Implementation Act"): a capitalised instrument word whose capitalised name
     * runs on, through lower-case links ("of", "in", "against"), to a capitalised statute word. The sentence speaks
     * of the domestic law, not of the instrument's stage.
     */
    private boolean namesAStatute(Hit h) {
        Tokens t = h.tokens();
        boolean capitalisedInstrument = false;
        for (int k = h.triggerStart(); k <= h.triggerEnd(); k++) {
            capitalisedInstrument |= t.id[k] >= 0 && instruments.get(t.id[k]) && capitalisedName(t, k);
        }
        if (!capitalisedInstrument) {
            return false;
        }
        for (int k = h.triggerEnd() + 1; k <= Math.min(h.sentenceEnd(), h.triggerEnd() + STATUTE_NAME_REACH); k++) {
            if (!onlySpacesBetween(t, k - 1)) {
                return false; // a comma or a full stop ends the name
            }
            int id = t.id[k];
            if (capitalisedName(t, k)) {
                if (id >= 0 && statutes.get(id)) {
                    return true;
                }
            } else if (id < 0 || !nameLinks.get(id)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Without any sentence saying where it stands, an instrument named as a thing ("the treaty", "the
     * Convention on ...", "under the agreement") is one that exists: signed. Activities (procurement, a
     * partnership, a grant) stay UNKNOWN.
     */
    private AgreementStatus statusOfAnExistingInstrument(List<Hit> typeHits) {
        for (Hit h : typeHits) {
            for (int k = h.triggerStart(); k <= h.triggerEnd(); k++) {
                int id = h.tokens().id[k];
                if (id >= 0 && instruments.get(id)) {
                    return AgreementStatus.SIGNED;
                }
            }
        }
        return AgreementStatus.UNKNOWN;
    }

    /**
     * A headline that names a later stage than the body ("Extension of the MoU on ...", "Agreement terminated")
     * over a body that tells how it began ("both countries signed the MoU in 2015"): the news is the later stage.
     */
    private AgreementStatus laterStageOfTheHeadline(List<Hit> typeHits, AgreementStatus status) {
        if (status != AgreementStatus.SIGNED && status != AgreementStatus.AGREED && status != AgreementStatus.UNKNOWN) {
            return status;
        }
        for (Hit h : typeHits) {
            if (h.field() == TextField.TITLE) {
                AgreementStatus headline = status(h, false, h.sentenceStart(), h.sentenceEnd());
                if (headline == AgreementStatus.EXTENDED || headline == AgreementStatus.TERMINATED) {
                    return headline;
                }
            }
        }
        return status;
    }

    /**
     * What the words right around an instrument say of it before any cue of the sentence does: one acted
     * under or that exists ("as per the MoU", "their existing agreement", "the current pact") is in force,
     * SIGNED; "a deal would ...", "an agreement could ..." is a hypothetical one, PROPOSED. Null when they say
     * nothing.
     */
    private AgreementStatus statusOfItsAttributes(Hit h) {
        Tokens t = h.tokens();
        int instrument = -1; // the instrument's word in the trigger ("agreement" of "trade agreement")
        for (int k = h.triggerStart(); k <= h.triggerEnd(); k++) {
            if (t.id[k] >= 0 && instruments.get(t.id[k])) {
                instrument = k;
            }
        }
        for (int k = h.triggerStart() + 1; k < h.triggerEnd(); k++) {
            if (t.id[k] >= 0 && lent.get(t.id[k]) && t.wordIs(k + 1, "to")) {
                return AgreementStatus.SIGNED; // "loans made to", "credit extended to": money lent, not a renewal
            }
        }
        if (moneyGiven(h)) {
            return AgreementStatus.SIGNED; // "provided as a grant", "the loans the agency has issued": money handed over
        }
        if (instrument < 0) {
            return null;
        }
        // up to four words before ("mandated by an FTC settlement"), through determiners and modifiers, but never
        // past a cue of its own
        for (int k = h.triggerStart() - 1; k >= Math.max(h.sentenceStart(), h.triggerStart() - 4); k--) {
            int id = t.id[k];
            if (k > h.sentenceStart() && t.wordIs(k, "going") && t.wordIs(k - 1, "on")
                    && t.start[k] == t.end[k - 1] + 1) {
                return AgreementStatus.SIGNED; // "on-going" as written, as well as "ongoing" (a word of no class)
            }
            if (id < 0) {
                continue;
            }
            if (inForce.get(id)) {
                return AgreementStatus.SIGNED;
            }
            if (afterwards.get(id) && !stageFollows(h, instrument)) {
                return AgreementStatus.SIGNED; // "after the settlement with X": an event that took place
            }
            if (statusCues[id] != 0 || weakCues.get(id) || proposal.get(id) || negation.get(id) || modal.get(id)) {
                break;
            }
        }
        int before = h.triggerStart() - 1;
        int after = instrument + 1;
        boolean indefiniteArticle = (before >= h.sentenceStart() && t.id[before] >= 0 && indefinite.get(t.id[before]))
                || (t.id[h.triggerStart()] >= 0 && indefinite.get(t.id[h.triggerStart()]));
        // its verb within three words ("a deal would", "an agreement with Chile would"), before any cue
        for (int k = after; indefiniteArticle && k <= Math.min(h.sentenceEnd(), after + 2); k++) {
            int id = t.id[k];
            if (id >= 0 && conditional.get(id)) {
                return AgreementStatus.PROPOSED;
            }
            if (id >= 0 && (statusCues[id] != 0 || relatives.get(id))) {
                break;
            }
        }
        return null;
    }

    /**
     * Whether a cue or a modal follows the instrument within its clause's next few words ("after the deal
     * closes", "after the agreement is signed"): then "after" dates a stage still to come.
     */
    private boolean stageFollows(Hit h, int instrument) {
        Tokens t = h.tokens();
        for (int k = instrument + 1; k <= Math.min(h.sentenceEnd(), instrument + STAGE_REACH); k++) {
            int id = t.id[k];
            if (clausePunctuation(t, k)) {
                return false;
            }
            if (id >= 0 && (statusCues[id] != 0 || modal.get(id) || weakCues.get(id))) {
                return true;
            }
        }
        return false;
    }

    private AgreementStatus status(Hit h) {
        return status(h, true);
    }

    /**
     * The status one sentence gives the agreement; with {@code attributesToo} false, UNKNOWN when only an attribute
     * ("the proposed joint venture") says it.
     */
    private AgreementStatus status(Hit h, boolean attributesToo) {
        Tokens t = h.tokens();
        AgreementStatus attributes = statusOfItsAttributes(h);
        if (attributes != null) {
            return attributes;
        }
        if (h.field() == TextField.TITLE && h.sentenceStart() == 0 && t.count > 0 && t.id[0] >= 0 && agenda.get(t.id[0])) {
            // a headline that names an act to be done ("Signing a Letter of Intent ...", "Accession to the
            // RCEP", "Entering into a Framework Agreement") is the item a government decides on: proposed
            return AgreementStatus.PROPOSED;
        }
        // the cue that governs the agreement is in its own clause; a cue of another clause ("urged a
        // withdrawal; the ceasefire holds") speaks of something else, and counts only when the clause is silent
        int clauseStart = clauseStart(h);
        int clauseEnd = clauseEnd(h);
        if (actsUnderItsInstrument(h, clauseStart, clauseEnd)) {
            return AgreementStatus.SIGNED; // "X will supply rigs for 25 years, according to the contract"
        }
        AgreementStatus strong = status(h, false, clauseStart, clauseEnd);
        if (strong == AgreementStatus.UNKNOWN) {
            strong = status(h, false, h.sentenceStart(), h.sentenceEnd());
        }
        if (strong != AgreementStatus.UNKNOWN || !attributesToo) {
            return strong;
        }
        // "negotiations on the proposed agreement": the attributive "proposed" yields to any other cue
        AgreementStatus weak = status(h, true, clauseStart, clauseEnd);
        weak = weak != AgreementStatus.UNKNOWN ? weak : status(h, true, h.sentenceStart(), h.sentenceEnd());
        return weak == AgreementStatus.UNKNOWN && underReview(h, clauseStart) ? AgreementStatus.AGREED : weak;
    }

    /**
     * Whether a deal that is no instrument ("the merger", "the takeover") is the object of a regulator's review
     * within a few words of its clause ("tasked with reviewing the controversial merger between X and Y"): it has
     * been announced and awaits clearance.
     */
    private boolean underReview(Hit h, int clauseStart) {
        Tokens t = h.tokens();
        for (int k = h.triggerStart(); k <= h.triggerEnd(); k++) {
            if (t.id[k] >= 0 && instruments.get(t.id[k])) {
                return false;
            }
        }
        for (int k = h.triggerStart() - 1; k >= Math.max(clauseStart, h.triggerStart() - REVIEW_REACH); k--) {
            if (t.id[k] >= 0 && review.get(t.id[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * A status that only an attribute of the reporting sentence gives ("cleared the proposed joint venture") yields
     * to a cue of another sentence of the type ("... has entered into a definitive agreement"): the attribute names
     * the agreement, the cue says where it stands.
     */
    private AgreementStatus laterCueOverAnAttribute(List<Hit> typeHits, Hit first, AgreementStatus status) {
        if (status == AgreementStatus.UNKNOWN || cited(first) || status(first, false) != AgreementStatus.UNKNOWN
                || statusOfItsAttributes(first) != null) {
            return status;
        }
        for (Hit h : typeHits) {
            if (h != first && h.field() == TextField.BODY && !cited(h)) {
                AgreementStatus cue = status(h, false);
                if (cue != AgreementStatus.UNKNOWN) {
                    return cue;
                }
            }
        }
        return status;
    }

    /**
     * Whether an agreement named by what it does ("will supply rigs") has its clause give an instrument as the
     * source of it ("according to the contract"): the deed is one an instrument in force sets out. ("under the
     * deal, X will pay" was not measured and is left to the cues.)
     */
    private boolean actsUnderItsInstrument(Hit h, int from, int to) {
        Tokens t = h.tokens();
        for (int k = h.triggerStart(); k <= h.triggerEnd(); k++) {
            if (t.id[k] >= 0 && instruments.get(t.id[k])) {
                return false; // the instrument itself: its own words decide (statusOfItsAttributes)
            }
        }
        for (int k = from; k + 2 <= to; k++) {
            boolean source = t.wordIs(k, "according") && t.wordIs(k + 1, "to");
            if (source) {
                int j = k + 2;
                while (j <= to && t.id[j] >= 0 && determiners.get(t.id[j])) {
                    j++;
                }
                if (j <= to && t.id[j] >= 0 && instruments.get(t.id[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The first token of the clause that holds the agreement: after the nearest clause boundary left of its
     * trigger (a semicolon, colon, dash or bracket; a subordinating word or relative pronoun; "and"/"but"
     * before a new subject pronoun).
     */
    private int clauseStart(Hit h) {
        for (int k = h.triggerStart(); k > h.sentenceStart(); k--) {
            if (opensClause(h.tokens(), k)) {
                return k;
            }
        }
        return h.sentenceStart();
    }

    /**
     * The last token of the clause that holds the agreement. A relative clause right after the instrument
     * ("an agreement with Chile which was signed") describes it and stays in its clause.
     */
    private int clauseEnd(Hit h) {
        Tokens t = h.tokens();
        for (int k = h.triggerEnd() + 1; k <= h.sentenceEnd(); k++) {
            if (opensClause(t, k) && !(k <= h.triggerEnd() + RELATIVE_REACH && t.id[k] >= 0 && relatives.get(t.id[k])
                    && !clausePunctuation(t, k))) {
                return k - 1;
            }
        }
        return h.sentenceEnd();
    }

    private boolean opensClause(Tokens t, int k) {
        if (clausePunctuation(t, k)) {
            return true;
        }
        int id = t.id[k];
        if (id < 0) {
            return false;
        }
        return clauseOpeners.get(id)
                || (coordinators.get(id) && k + 1 < t.count && t.id[k + 1] >= 0 && subjectPronouns.get(t.id[k + 1])
                        && t.sentence[k + 1] == t.sentence[k]);
    }

    /**
     * Whether the cue at {@code k} is a word joined to the agreement by "and"/"or" ("a withdrawal and a
     * ceasefire", "the truce or withdrawal"): a thing beside the agreement, which it does not govern. A verb
     * joined to the other verb of the agreement ("signed and ratified the treaty") leaves that verb to govern.
     */
    private boolean coordinatedWithTheInstrument(Hit h, int k) {
        Tokens t = h.tokens();
        if (k < h.triggerStart()) {
            int and = k + 1;
            if (and >= h.triggerStart() || t.id[and] < 0 || !alternatives.get(t.id[and]) || clausePunctuation(t, and)) {
                return false;
            }
            for (int j = and + 1; j < h.triggerStart(); j++) {
                int id = t.id[j];
                // only determiners and modifiers between the coordinator and the agreement
                if (j > and + COORDINATED_REACH || (id >= 0 && (statusCues[id] != 0 || relatives.get(id)))) {
                    return false;
                }
            }
            return true;
        }
        if (k > h.triggerEnd()) {
            int and = k - 1;
            return and == h.triggerEnd() + 1 && t.id[and] >= 0 && alternatives.get(t.id[and]);
        }
        return false;
    }

    /**
     * Whether a word that reports an accomplished event ("welcomed", "announced", "marked") stands just before
     * {@code k}: "welcomed the completion of negotiations" reports talks that ended, while "support for the
     * conclusion of negotiations" wishes for it.
     */
    private boolean welcomed(Tokens t, int from, int k) {
        for (int j = Math.max(from, k - CONCLUSION_REACH); j < k; j++) {
            if (t.id[j] >= 0 && accomplished.get(t.id[j])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the cue at {@code k} is a word of a capitalised name in running text ("its Community Benefits Plan",
     * "the Roadmap for a Renewed Partnership"): capitalised, not the sentence's first word, next to another
     * capitalised word. A headline capitalises every word, so there a capital says nothing.
     */
    private boolean inAName(Hit h, int k) {
        Tokens t = h.tokens();
        if (h.field() != TextField.BODY || k == h.sentenceStart() || t.shape(k) != Tokens.CAPITALISED) {
            return false;
        }
        return (onlySpacesBetween(t, k - 1) && t.shape(k - 1) != Tokens.LOWER && k - 1 != h.sentenceStart())
                || (k + 1 <= h.sentenceEnd() && onlySpacesBetween(t, k) && t.shape(k + 1) != Tokens.LOWER);
    }

    /**
     * Whether the cue at {@code k}, in a relative clause of another noun after the agreement, has another instrument
     * as its object within the next few words ("the free trade agreement is carried out by ten countries that have
     * entered into agreements with Chile"): it is that instrument's verb. A relative pronoun right after the
     * agreement describes the agreement itself ("the truce that both sides signed"), and a cue of the main clause
     * may have the agreement's own instrument as its object ("for the joint venture, X signed a definitive
     * agreement").
     */
    private boolean governsAnotherInstrument(Hit h, int k) {
        Tokens t = h.tokens();
        boolean relativeClause = false;
        for (int j = h.triggerEnd() + RELATIVE_REACH + 1; j < k; j++) {
            relativeClause |= t.id[j] >= 0 && relatives.get(t.id[j]);
        }
        if (!relativeClause) {
            return false;
        }
        for (int j = k + 1; j <= Math.min(h.sentenceEnd(), k + OBJECT_REACH); j++) {
            if (clausePunctuation(t, j)) {
                return false;
            }
            int id = t.id[j];
            if (id >= 0 && instruments.get(id)) {
                return true;
            }
            if (id >= 0 && (statusCues[id] != 0 || relatives.get(id))) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the cue at {@code k} is a participle that describes the noun before it, with the agreement as the
     * object of "in" after it ("the principles agreed upon by the two sides in the Strategic Framework Agreement",
     * "the tariff cuts agreed in the trade deal"): it says what the agreement holds, not where it stands.
     */
    private boolean agreedInIt(Hit h, int k) {
        Tokens t = h.tokens();
        if (k <= h.sentenceStart() || t.end[k] - t.start[k] < 3 || !t.text.startsWith("ed", t.end[k] - 2)
                || t.shape(k - 1) != Tokens.LOWER || t.id[k - 1] < 0
                || !describedNouns.get(t.id[k - 1])) {
            return false;
        }
        int p = h.triggerStart() - 1;
        while (p > k && ((t.id[p] >= 0 && determiners.get(t.id[p])) || capitalisedName(t, p))) {
            p--; // "in the Strategic Framework Agreement": the name's first words
        }
        return p > k && p - k <= CITATION_REACH && t.wordIs(p, "in");
    }

    /**
     * Whether the cue at {@code k} is a participle in -ed between a determiner and the word it describes ("a renewed
     * partnership", "the extended deadline"): after the agreement it is an attribute of another noun, no stage of it.
     */
    private boolean attributeOfAnotherNoun(Tokens t, int k, int to) {
        return k + 1 <= to && t.end[k] - t.start[k] > 3 && t.text.startsWith("ed", t.end[k] - 2)
                && t.id[k - 1] >= 0 && determiners.get(t.id[k - 1]) && onlySpacesBetween(t, k - 1) && onlySpacesBetween(t, k)
                && (t.id[k + 1] < 0 || t.id[k + 1] >= statusCues.length || statusCues[t.id[k + 1]] == 0);
    }

    /**
     * Whether the agreement is money handed over: a trigger with a {@link #money} word ("a grant", "loans") right
     * after a {@link #given} participle, through determiners ("provided as a grant", "disbursed a loan"), or with
     * one within a few lower-case words after it ("the loans the agency has issued"), and no modal, "to", "be" or
     * negation next to the participle ("will be provided", "loans to be issued", "not disbursed") nor a cue between.
     */
    private boolean moneyGiven(Hit h) {
        Tokens t = h.tokens();
        boolean isMoney = false;
        for (int k = h.triggerStart(); k <= h.triggerEnd(); k++) {
            isMoney |= t.id[k] >= 0 && money.get(t.id[k]);
        }
        if (!isMoney) {
            return false;
        }
        int before = h.triggerStart() - 1;
        while (before > h.sentenceStart() && t.id[before] >= 0 && determiners.get(t.id[before])
                && onlySpacesBetween(t, before)) {
            before--;
        }
        if (before >= h.sentenceStart() && givenAsDone(t, before, h.sentenceStart())
                && (before == h.triggerStart() - 1 || onlySpacesBetween(t, before))) {
            return true;
        }
        for (int k = h.triggerEnd() + 1; k <= Math.min(h.sentenceEnd(), h.triggerEnd() + GIVEN_REACH); k++) {
            int id = t.id[k];
            if (!onlySpacesBetween(t, k - 1) || t.shape(k) != Tokens.LOWER) {
                return false;
            }
            if (givenAsDone(t, k, h.sentenceStart())) {
                return true;
            }
            if (id >= 0 && (statusCues[id] != 0 || modal.get(id) || negation.get(id))) {
                return false;
            }
        }
        return false;
    }

    /** Whether token {@code k} is a {@link #given} participle with no modal, "to", "be" or negation just before it. */
    private boolean givenAsDone(Tokens t, int k, int sentenceStart) {
        if (t.id[k] < 0 || !given.get(t.id[k])) {
            return false;
        }
        for (int j = Math.max(sentenceStart, k - 2); j < k; j++) {
            int id = t.id[j];
            if (id >= 0 && (modal.get(id) || negation.get(id)) || t.wordIs(j, "be")) {
                return false;
            }
        }
        return true;
    }

    /** Whether a semicolon, colon, dash or bracket stands between token {@code k - 1} and token {@code k}. */
    private static boolean clausePunctuation(Tokens t, int k) {
        if (k == 0) {
            return false;
        }
        for (int c = t.end[k - 1]; c < t.start[k]; c++) {
            char ch = t.text.charAt(c);
            if (ch == ';' || ch == ':' || ch == '\u2014' || ch == '\u2013' || ch == '(' || ch == ')') {
                return true;
            }
        }
        return false;
    }

    private AgreementStatus status(Hit h, boolean weakToo, int from, int to) {
        Tokens t = h.tokens();
        AgreementStatus best = AgreementStatus.UNKNOWN;
        int bestDistance = Integer.MAX_VALUE;
        int bestToken = -1;
        for (int k = from; k <= to; k++) {
            int id = t.id[k];
            if (id < 0) {
                continue;
            }
            if (k > from && t.id[k - 1] >= 0) {
                int before = t.id[k - 1];
                if (!weakToo && weakCues.get(id) && (determiners.get(before) || possessive(t, k - 1))) {
                    continue; // "the proposed agreement", "the bank's proposed merger": an attribute, not a stage
                }
                if (modal.get(id) && relatives.get(before)) {
                    continue; // "a deal that would give": what it does, not where it stands
                }
            }
            if (k > h.triggerEnd() && leadingCues.get(id)) {
                continue; // "a loan received towards the cost": the direction of the money, not of the talks
            }
            if (coordinatedWithTheInstrument(h, k)) {
                continue; // "an immediate withdrawal and ceasefire": a sibling of the agreement, not its verb
            }
            if (k - 2 >= from && t.id[k - 2] >= 0 && instruments.get(t.id[k - 2]) && t.wordIs(k - 1, "to")) {
                continue; // "reneged on a deal to settle charges": what the deal does, not where it stands
            }
            if (k > h.triggerEnd() && attributeOfAnotherNoun(t, k, to)) {
                continue; // "a joint statement on the Roadmap for a Renewed Partnership": another noun's attribute
            }
            if (inAName(h, k)) {
                continue; // "the Community Benefits Plan": a word of a name, not a stage
            }
            if (k < h.triggerStart() && agreedInIt(h, k)) {
                continue; // "the principles agreed upon by the two sides in the Framework": what it holds, not its stage
            }
            if (k > h.triggerEnd() && governsAnotherInstrument(h, k)) {
                continue; // "the FTA, whose members have entered into agreements with ...": the verb of those agreements
            }
            int cueBits = id < statusCues.length ? statusCues[id] : 0;
            if (cueBits == 1 << AgreementStatus.NEGOTIATING.ordinal() && k < h.triggerStart() && implementing(h, k)) {
                continue; // "met to discuss the implementation of the joint statement": it exists, its talks are done
            }
            if (partyTo.get(id) && k < h.triggerStart() && partyToTheInstrument(h, k)) {
                cueBits = 1 << AgreementStatus.SIGNED.ordinal(); // "the parties to the convention": its signatories
            }
            // the statuses the word is a cue for, in the order of their ordinals
            for (int cues = cueBits; cues != 0; cues &= cues - 1) {
                AgreementStatus status = STATUSES[Integer.numberOfTrailingZeros(cues)];
                // a cue inside the trigger ("signed" in "signed ... cooperation") is the nearest there is
                int distance = k < h.triggerStart() ? h.triggerStart() - k : k > h.triggerEnd() ? k - h.triggerEnd() : 0;
                if (distance < bestDistance || (distance == bestDistance && status.ordinal() < best.ordinal())) {
                    best = status;
                    bestDistance = distance;
                    bestToken = k;
                }
            }
        }
        if (bestToken < 0) {
            return best;
        }
        if (best == AgreementStatus.NEGOTIATING) {
            // "the completion of negotiations on the agreement", "concluded the talks": the talks are over, agreed
            for (int k = Math.max(from, bestToken - CONCLUSION_REACH); k < bestToken; k++) {
                if (t.id[k] >= 0 && conclusions.get(t.id[k]) && (!conclusionNouns.get(t.id[k]) || welcomed(t, from, k))) {
                    return AgreementStatus.AGREED;
                }
            }
        }
        if (best == AgreementStatus.AGREED && datedDeal.get(t.id[bestToken]) && namesAYear(t, from, to)) {
            return AgreementStatus.SIGNED; // "a 1995 settlement reached between X and Y": concluded then, in force
        }
        boolean cueApproval = approval.get(t.id[bestToken]);
        if (best == AgreementStatus.AGREED && cueApproval) {
            // "the proposal made by the Minister ... to sign the MoU was approved": the signing is still to come
            boolean awarded = false;
            for (int k = h.sentenceStart(); k <= h.sentenceEnd(); k++) {
                if (t.id[k] >= 0 && proposal.get(t.id[k])) {
                    return AgreementStatus.PROPOSED;
                }
                awarded |= t.id[k] >= 0 && award.get(t.id[k]);
            }
            // "the Minister ... to enter into a loan agreement with X, was approved": what is approved is the
            // plan to contract (an infinitive before the agreement), unless it is an award, which is decided
            if (!awarded && bestToken > h.triggerEnd()) {
                for (int k = h.sentenceStart(); k < h.triggerStart(); k++) {
                    if (t.id[k] >= 0 && modal.get(t.id[k])) {
                        return AgreementStatus.PROPOSED;
                    }
                }
            }
        }
        if (best == AgreementStatus.AGREED && modal.get(t.id[bestToken])) {
            // "the treaty will come into force on 1 May", "will enter into force", "will both / then / only come
            // into force" (an adverb after the modal): it is signed, its force is to come
            for (int k = bestToken + 1; k <= Math.min(h.sentenceEnd(), bestToken + 4); k++) {
                if (t.id[k] >= 0 && force.get(t.id[k])) {
                    return AgreementStatus.SIGNED;
                }
            }
            // "the merger would be cancelled", "the lease will be extended", "will not be renewed": the verb after
            // the modal says what is announced of the agreement, not the modal
            boolean not = false;
            for (int k = bestToken + 1; k <= Math.min(h.sentenceEnd(), bestToken + 3); k++) {
                int id = t.id[k];
                not |= id >= 0 && negation.get(id);
                int laterStage = id >= 0 && id < statusCues.length ? statusCues[id]
                        & (1 << AgreementStatus.TERMINATED.ordinal() | 1 << AgreementStatus.EXTENDED.ordinal()) : 0;
                if (laterStage != 0 && !modal.get(id)) {
                    AgreementStatus verb = STATUSES[Integer.numberOfTrailingZeros(laterStage)];
                    return not && verb == AgreementStatus.EXTENDED ? AgreementStatus.TERMINATED : verb;
                }
            }
            // "the agreement will be signed", "would agree": the future of a signing is a proposal
            for (int k = bestToken + 1; k <= Math.min(h.sentenceEnd(), bestToken + 3); k++) {
                int id = t.id[k];
                if (id >= 0 && (statusCues[id] & (1 << AgreementStatus.SIGNED.ordinal() | 1 << AgreementStatus.AGREED.ordinal())) != 0
                        && !modal.get(id)) {
                    return AgreementStatus.PROPOSED;
                }
            }
        }
        for (int k = Math.max(h.sentenceStart(), bestToken - 3); k < bestToken; k++) {
            int id = t.id[k];
            if (id < 0) {
                continue;
            }
            if (negation.get(id)) {
                // "without further extending the lease", "did not renew": it ends; "has not signed": still proposed
                if (best == AgreementStatus.EXTENDED) {
                    return AgreementStatus.TERMINATED;
                }
                if (best == AgreementStatus.SIGNED || best == AgreementStatus.AGREED) {
                    return AgreementStatus.PROPOSED;
                }
            }
            // "to award the contract" is the award decided, not planned; "is to be awarded" is still to come,
            // unless the sentence approves it ("the contract, to be awarded to X, was approved")
            boolean toBe = k == bestToken - 2 && t.wordIs(k + 1, "be") && !approved(h);
            if ((best == AgreementStatus.SIGNED || best == AgreementStatus.AGREED) && k >= bestToken - 2 && modal.get(id)
                    && (!award.get(t.id[bestToken]) || toBe)) {
                if (agreedTo(t, k, h.sentenceStart())) {
                    return AgreementStatus.AGREED; // "agreed to settle", "decided to sign": the sides concur, AGREED
                }
                return AgreementStatus.PROPOSED; // "will sign", "plans to sign"
            }
        }
        return best;
    }

    /**
     * Whether the modal at {@code k} is the "to" of a verb of agreeing or deciding ("agreed to settle", "decided to
     * sign"): an agreement the sides concur on, not one only planned. An approval ("approved to sign") is a
     * government's decision on a proposal and stays one.
     */
    private boolean agreedTo(Tokens t, int k, int sentenceStart) {
        if (k <= sentenceStart || !t.wordIs(k, "to") || t.id[k - 1] < 0) {
            return false;
        }
        int verb = t.id[k - 1];
        return verb < statusCues.length && (statusCues[verb] & 1 << AgreementStatus.AGREED.ordinal()) != 0
                && !modal.get(verb) && !approval.get(verb);
    }

    private boolean approved(Hit h) {
        for (int k = h.sentenceStart(); k <= h.sentenceEnd(); k++) {
            if (h.tokens().id[k] >= 0 && approval.get(h.tokens().id[k])) {
                return true;
            }
        }
        return false;
    }

    private String date(Hit h, LocalDate datelineDate) {
        Tokens t = h.tokens();
        int start = t.start[h.sentenceStart()];
        int end = t.end[h.sentenceEnd()];
        // a date of the sentence counts only with its year: without four digits in a row, skip the regex
        if (Datelines.hasYear(t.text, start, end)) {
            Matcher m = FULL_DATE.matcher(t.text).region(start, end);
            while (m.find()) {
                LocalDate d = Datelines.date(m.group());
                if (d != null) {
                    return d.toString();
                }
            }
        }
        if (datelineDate != null) {
            for (int k = h.sentenceStart(); k <= h.sentenceEnd(); k++) {
                int id = t.id[k];
                if (id >= 0 && today.get(id)) {
                    return datelineDate.toString();
                }
                if (id >= 0 && yesterday.get(id)) {
                    return datelineDate.minusDays(1).toString();
                }
            }
        }
        return null;
    }

    /** The organisations (capitalised names with an organisation word) and countries the sentence names. */
    private List<Party> parties(Hit h, List<CountryFinder.Mention> mentions, Set<Party> unnamed, String datelineCode) {
        Tokens t = h.tokens();
        List<Party> parties = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        int k = h.sentenceStart();
        while (k <= h.sentenceEnd() && parties.size() < MAX_PARTIES) {
            if (!capitalisedName(t, k) || (k >= h.triggerStart() && k <= h.triggerEnd())
                    || (t.id[k] >= 0 && connectors.get(t.id[k]))) {
                k++; // "The Ministry ..." starts at "Ministry"
                continue;
            }
            int runEnd = k;
            boolean organisation = organisationWords.get(Math.max(0, t.id[k])) && t.id[k] >= 0;
            boolean government = t.id[k] >= 0 && governmentWords.get(t.id[k]);
            int j = k + 1;
            while (j <= h.sentenceEnd() && (j < h.triggerStart() || j > h.triggerEnd())) {
                int id = t.id[j];
                boolean joined = onlySpacesBetween(t, j - 1);
                if (!joined) {
                    break;
                }
                if (capitalisedName(t, j)) {
                    runEnd = j;
                    organisation |= id >= 0 && organisationWords.get(id);
                    government |= id >= 0 && governmentWords.get(id);
                    j++;
                } else if (id >= 0 && connectors.get(id) && connectedName(t, j, h.sentenceEnd())) {
                    j++; // "Ministry of the Economy"
                } else {
                    break;
                }
            }
            if (organisation) {
                int start = t.start[k];
                int end = t.end[runEnd];
                String code = null;
                // a country named in the name ("Department of Agriculture of Sri Lanka") over an institution's
                // own country ("Department of Agriculture" alone is the USDA)
                for (CountryFinder.Mention m : mentions) {
                    if (!m.dropped && m.field == h.field() && m.start >= start && m.end <= end
                            && (code == null || m.kind != Kind.INSTITUTION)) {
                        code = m.code;
                        if (m.kind != Kind.INSTITUTION) {
                            break;
                        }
                    }
                }
                if (code == null && government) {
                    code = datelineCode; // "the Ministry of the Economy" of a Luxembourg press release
                }
                Party party = new Party(t.text.substring(start, end), code);
                if (code == null && government) {
                    if (unnamed == null) {
                        k = runEnd + 1;
                        continue; // only the reporting sentence's unnamed government is a side
                    }
                    unnamed.add(party); // without a dateline, placed once the sides are known
                }
                parties.add(party);
                spans.add(new int[] {start, end});
            }
            k = runEnd + 1;
        }
        int sStart = t.start[h.sentenceStart()];
        int sEnd = t.end[h.sentenceEnd()];
        for (CountryFinder.Mention m : mentions) {
            if (m.dropped || m.field != h.field() || m.start < sStart || m.end > sEnd || parties.size() >= MAX_PARTIES
                    || m.kind == Kind.CITY || m.kind == Kind.DIVISION) {
                continue; // a city or a state is a place, not a side ("a California judge")
            }
            if (PartyFinder.headlineLabel(t, h.field(), h.sentenceStart(), m.firstToken, m.end)) {
                continue; // "India: Two carmakers plan a joint venture": where the news is, not a side
            }
            if (PartyFinder.thankedForHelp(t, m.firstToken, m.lastToken, h.sentenceStart(), h.triggerStart(), thanks, help)) {
                continue; // "thanked Qatar for its help in securing the ceasefire": a helper, not a side
            }
            if (m.kind == Kind.NAME && PartyFinder.siteOf(t, m.firstToken, m.lastToken, h.sentenceStart(), facilities)) {
                continue; // "the office in Singapore", "its Mexico plant": where a company works, not a side
            }
            if (m.kind != Kind.INSTITUTION && PartyFinder.followedBy(t, m.lastToken, courts)
                    && capitalisedName(t, m.lastToken + 1)) {
                continue; // "US District Judge", "the U.S. Court of Appeals": the court that rules on it, not a side
            }
            boolean covered = false;
            for (int[] span : spans) {
                covered |= m.start >= span[0] && m.end <= span[1];
            }
            for (Party p : parties) {
                covered |= m.code.equals(p.country());
            }
            if (!covered) {
                parties.add(new Party(t.text.substring(m.start, m.end), m.code));
            }
        }
        return parties;
    }

    /** Whether the connector at {@code j} ("of", "of the") leads, through at most one more, to a capitalised word. */
    private boolean connectedName(Tokens t, int j, int last) {
        // "and" joins words of one name ("Research and Innovation"), never two names ("X and the Y")
        int reach = t.wordIs(j, "and") ? j : j + 1;
        for (int k = j; k <= Math.min(last - 1, reach); k++) {
            if (!onlySpacesBetween(t, k)) {
                return false;
            }
            if (capitalisedName(t, k + 1)) {
                return true;
            }
            if (t.id[k + 1] < 0 || !connectors.get(t.id[k + 1])) {
                return false;
            }
        }
        return false;
    }

    private static boolean capitalisedName(Tokens t, int k) {
        return Character.isUpperCase(t.text.charAt(t.start[k]));
    }

    private static boolean onlySpacesBetween(Tokens t, int a) {
        for (int i = t.end[a]; i < t.start[a + 1]; i++) {
            char c = t.text.charAt(i);
            if (c != ' ' && c != '\n' && c != '-' && c != '\'' && c != '’' && c != '&') {
                return false;
            }
        }
        return true;
    }
}
