package io.pactwire.ingest;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the main text of a web page: the article, without navigation, headers, footers, cookie banners,
 * share links, teasers and comments.
 *
 * <p>Three published ideas, combined. Pruning (as trafilatura does): elements that are boilerplate by
 * their tag ({@code nav}, {@code aside}, {@code footer}) or by the words in their class and id
 * ({@code share}, {@code related}, {@code comments}) are removed first. Container scoring (as
 * Readability does): every paragraph of real prose votes for its parent and grandparent, weighted by its
 * length and commas, and the element with the most votes, discounted by its share of link text, holds
 * the article. Block classification (as jusText does): within the container, each block of text is kept
 * or dropped by its length, its link density and whether it is a known boilerplate phrase.
 *
 * <p>The input is a parsed page ({@link Element}); it is modified (pruned) in place.
 */
final class MainText {
    /** Elements that never hold article text. */
    private static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "button", "input", "select", "textarea", "option", "nav", "dialog", "menu",
            "map", "audio", "video", "picture", "head", "link", "meta", "figcaption");
    /** Elements that hold page furniture, unless a page misuses them around its article. */
    private static final Set<String> FURNITURE = Set.of("aside", "footer", "header");
    /** Class or id of an element that wraps an article's text (entry-content, post-body, article__text). */
    private static final Pattern CONTENT_MARKER = Pattern.compile(
            "(?:^|\\s|[_-])(?:entry-?content|post-?body|post-?content|article-?body|article-?text|article-?content"
                    + "|article__body|article__text|article__content|story-?body|story-?content|blog-?post|text-?content"
                    + "|main-?content|content-?main|single-?content|artikel|beitrag|post-?entry|page-?content|rich-?text"
                    + "|field-?body|body-?text|text-?body|news-?text|news-?content)(?:$|\\s|[_-])",
            Pattern.CASE_INSENSITIVE);
    /** Elements whose end starts a new block of text. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody",
            "thead", "tfoot", "caption", "figure", "figcaption", "header", "footer", "address", "hr", "form", "fieldset",
            "center", "body", "details", "summary");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Words in a class or id that mark boilerplate; matched against whole tokens of the attribute. */
    private static final Pattern BOILERPLATE_TOKEN = Pattern.compile(
            "(?:^|[\\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|footer|foot|sidebar|side-bar|widget|widgets"
                    + "|cookie|cookies|consent|gdpr|banner|share|sharing|social|socials|shariff|sharebar|comments?"
                    + "|kommentare?|disqus|related|recommended|recommendations|promo|promotion|advert|advertisement"
                    + "|ads?|adslot|sponsor|sponsored|newsletter|subscribe|subscription|paywall|popup|modal|overlay"
                    + "|pagination|pager|tags|tagcloud|tag-list|author-box|authorbox|author-bio|byline-social|print"
                    + "|skip|skiplink|jump|toolbar|outbrain|taboola|more-articles|read-more|readmore|also-read|meta-nav"
                    + "|login|signup|cart|search|searchbox|sr-only|visually-hidden|screen-reader-text"
                    + "|masthead|topbar|top-bar|header-nav|site-header|site-footer|global-header|global-footer"
                    + "|rating|voting|ratings|slider|carousel|credits?|copyright|caption|gallery-nav|infobox-ad|marketing|most-read|mostread"
                    + "|trending|popular|latest-news|further-reading|weitere|aehnliche|verwandte)(?=$|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE_CLASS = Pattern.compile(
            "article|body|content|entry|hentry|main|page|post|text|blog|story|artikel|beitrag|inhalt|meldung|news",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE_CLASS = Pattern.compile(
            "combx|comment|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|shoutbox"
                    + "|sidebar|sponsor|shopping|tags|tool|widget|teaser|share|social|nav|menu|banner|cookie|newsletter",
            Pattern.CASE_INSENSITIVE);
    /** Short blocks that are page furniture in any article, in the languages of the news we read. */
    private static final Pattern BOILERPLATE_PHRASE = Pattern.compile("(?iu)^(?:"
            + "read more|read also|see also|more on this|related( articles| stories| posts| news)?|share( this)?( article| story)?"
            + "|share on \\w+|tweet|print|email|e-mail|advertisement|sponsored|comments?|leave a (comment|reply)|\\d+ comments?"
            + "|all rights reserved.*|©.*|copyright.*|tags?:.*|categor(y|ies)\\s*:.*|posted in.*|filed under.*"
            + "|back to top|next article|previous article|subscribe.*newsletter.*|sign up.*newsletter.*"
            + "|weiterlesen|mehr zum thema.*|lesen sie auch.*|auch interessant.*|das könnte (dich|sie) auch interessieren.*"
            + "|ähnliche (beiträge|artikel)|verwandte artikel|weitere artikel|neueste (beiträge|artikel)"
            + "|teilen( sie dies mit| mit)?:?|kommentieren|schreibe einen kommentar.*|kommentare?( \\(\\d+\\))?"
            + "|anzeige|werbung|zurück( zur übersicht)?|drucken|artikel drucken|nach oben|alle rechte vorbehalten.*"
            + "|lire aussi.*|lire la suite|partager|voir aussi.*|publicité|tous droits réservés.*"
            + "|lea (también|más)?:.*|vea también:?.*|también te puede interesar|compartir|todos los derechos reservados.*"
            + "|czytaj (też|także|więcej).*|udostępnij|zobacz (też|także).*"
            + "|comments are closed\\.?|die kommentarfunktion ist (geschlossen|deaktiviert)\\.?|kommentare sind geschlossen\\.?"
            + "|les commentaires sont fermés\\.?|empfohlener (redaktioneller |externer )?inhalt|externer inhalt|recommended content|contenu externe"
            + "|(published|updated|veröffentlicht|aktualisiert|opublikowano|zaktualizowano|publié|publicado|actualizado)\\s*:.{0,40}"
            + ")$");
    /** The opening words of calls to subscribe, follow, log in or support: promotion, not story. */
    private static final Pattern PROMOTION = Pattern.compile("(?iu)^(?:"
            + "sign up|subscribe|follow (?:us|\\S+ on)|download (?:the|our) app|get (?:the|our) app|never miss|we rely on"
            + "|support (?:us|our)|to (?:view|read|continue reading) the full|already a subscriber|you must be logged in"
            + "|this site uses akismet|jetzt abonnieren|abonnieren sie|folgen sie uns|mit unserem newsletter|melden sie sich"
            + "|unterstützen sie|unterstütze |suivez-nous|abonnez-vous|inscrivez-vous|suscríbete|síguenos|we want to hear"
            + "|zapraszamy (?:też |także )?do subskrypcji|jede (?:kleine )?spende|jetzt spenden|spenden sie|donate now"
            + "|make a donation|sie lesen gern|zeigen sie ihre wertschätzung|sie müssen sich (?:einloggen|anmelden)"
            + "|sie müssen (?:eingeloggt|angemeldet) sein)");
    /**
     * A call to follow, join or download anywhere in a short block: the verb near a social network, an app or a
     * newsletter ("For the latest stories download our apps", "tenemos canal de Telegram? Únete"), or the words
     * of a paywall ("already a subscriber").
     */
    private static final Pattern CALL_TO_ACTION = Pattern.compile("(?iu)"
            + "\\b(?:follow|join|download|subscribe|folgen|folge|abonnieren|abonniere|únete|síguenos|sigue|suivez|rejoignez"
            + "|téléchargez|descarga|mira)\\b.{0,60}\\b(?:twitter|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin"
            + "|apps?|newsletters?|channel|kanal|canal)\\b"
            + "|\\b(?:twitter|facebook|instagram|telegram|whatsapp|youtube|tiktok)\\b.{0,30}\\b(?:únete|join|folgen|suivez)\\b"
            + "|already a subscriber|first-time subscribers|letter to the editor|bereits abonnent|déjà abonné");
    private static final int MAX_PROMOTION_CHARS = 250;
    /** A heading over a list of other articles: "Weitere Tourentipps", "More stories", "Related coverage". */
    private static final Pattern RELATED_HEADING = Pattern.compile("(?iu)(?:weitere|mehr|more|further|other|related|ähnliche"
            + "|verwandte|autres|plus d'|más|otras|otros|inne|więcej)\\b.{0,40}|.*\\b(?:auch interessieren|also like"
            + "|also be interested|might like|may like)\\b.{0,5}");
    /** The longest text that is a lead-in to a list ("Die Zutaten für vier Personen:"), not a sentence of the story. */
    private static final int MAX_LEAD_IN_CHARS = 120;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Characters that shape how text breaks but are no part of it: soft hyphens, zero-width spaces, byte order marks. */
    private static final Pattern INVISIBLE = Pattern.compile("[\u00AD\u200B\u2060\uFEFF]");
    /** Control characters other than line breaks and tabs: never text, and refused in an article's body. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    /** A date, a time or a single word standing alone. */
    private static final Pattern LABEL = Pattern.compile(
            "(?u)\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{1,2}:\\d{2}\\s*(?:am|pm|uhr)?|\\p{L}[\\p{L}\\d-]*",
            Pattern.CASE_INSENSITIVE);
    /** Blocks whose short text is data, not furniture: table cells, list and definition items. */
    private static final Set<String> DATA_BLOCKS = Set.of("td", "th", "li", "dd", "dt");
    /** A photo credit or caption source: "Foto: dpa", "Bild: X", "(c) X", "AFP / NAME". */
    private static final Pattern CREDIT = Pattern.compile(
            "(?iu)(?:foto|fotos|bild|bilder|photo|photos|image|images|picture|credit|credits|quelle|source|grafik|illustration"
                    + "|copyright|crédit|crédits)\\s*:.*|(?:©|\\(c\\)|copyright).*|[\\p{Lu}\\s./-]{2,40}\\s/\\s[\\p{Lu}\\s./-]{2,40}");
    /** A numbered figure's caption: "Abbildung 4: klassische Schwachschicht", "Fig. 2. The harbour". */
    private static final Pattern FIGURE_CAPTION = Pattern.compile(
            "(?iu)(?:abbildung|abb\\.|figure|fig\\.|grafik|illustration|illustración|rycina|ryc\\.)\\s*\\d+[a-z]?\\s*[:.].*");
    private static final int MAX_CAPTION_CHARS = 200;
    private static final int MIN_PARAGRAPH_CHARS = 25;
    /** Class or id of the element that holds a story's lead ahead of its body. */
    private static final Pattern LEAD_MARKER = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:intro|lead|lede|standfirst|abstract|summary|dek|deck|subtitle|sub-?headline|article-?intro"
                    + "|content__intro|article__intro|article__lead|vorspann|chapeau)(?:$|[\\s_-])");
    private static final int MIN_LEAD_CHARS = 60;
    /** How much text a parent may add to the container and still be the same box (a heading, a lead). */
    private static final int WIDEN_CHARS = 100;
    /** A sibling of the container with this much prose, few links and a final full stop is part of the story. */
    private static final int SIBLING_PROSE_CHARS = 80;

    private MainText() {
    }

    /** One block of text: a paragraph, heading, list item or cell, with how much of it is link text. */
    record Block(String text, int linkChars, String tag, Element element) {
        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }

        boolean heading() {
            return HEADINGS.contains(tag);
        }
    }

    /** The main text of the page as blocks, in document order; empty when nothing looks like an article. */
    static List<Block> extract(Element body) {
        prune(body);
        List<Block> blocks = blocks(body);
        if (blocks.isEmpty()) {
            return List.of();
        }
        List<Element> containers = new ArrayList<>(containers(body, blocks));
        containers.addAll(leads(containers.get(0), blocks));
        List<Block> inside = new ArrayList<>();
        for (Block block : blocks) {
            if (isWithin(block.element(), containers)) {
                inside.add(block);
            }
        }
        // What follows a "Read more" list or a press contact heading is not the story, however it looks.
        List<String> texts = new ArrayList<>();
        inside.forEach(b -> texts.add(b.text()));
        inside = inside.subList(0, TextExtractor.storyLength(texts));
        inside = inside.subList(0, beforeRelatedHeading(inside));
        List<Block> kept = withoutTrailingLeads(classify(inside));
        if (textLength(kept) < 200) {
            // The container was a wrong guess (a page of short paragraphs, or prose spread over many boxes):
            // classify every block of the page instead.
            List<Block> everywhere = classify(blocks);
            if (textLength(everywhere) > textLength(kept)) {
                kept = everywhere;
            }
        }
        if (textLength(kept) < 200) {
            List<Block> marked = markedBody(body, blocks);
            if (textLength(marked) > textLength(kept)) {
                kept = marked;
            }
        }
        return withoutTrailingLeads(kept);
    }

    /**
     * The blocks of the element the page marks as its article's body ({@code itemprop=articleBody}, a class
     * such as {@code entry-content}) that are not furniture, short ones included: the whole text of a page
     * of short lines (a data sheet, a list of facts), which holds no paragraph of prose to find it by.
     */
    static List<Block> markedBody(Element body, List<Block> blocks) {
        Element marked = body.selectFirst("[itemprop=articleBody]");
        if (marked == null) {
            for (Element e : body.getAllElements()) {
                if (e != body && CONTENT_MARKER.matcher(e.className()).find()) {
                    marked = e;
                    break;
                }
            }
        }
        List<Block> kept = new ArrayList<>();
        if (marked == null) {
            return kept;
        }
        for (Block block : blocks) {
            if (isWithin(block.element(), List.of(marked)) && kind(block) != Kind.BAD) {
                kept.add(block);
            }
        }
        return kept;
    }

    /**
     * How many of {@code blocks} come before a heading that opens a list of other articles ("Weitere
     * Tourentipps", "More from the region", "Related coverage") in the second half of the story.
     */
    static int beforeRelatedHeading(List<Block> blocks) {
        int total = textLength(blocks);
        int before = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.heading() && before > total / 2 && RELATED_HEADING.matcher(block.text()).matches()) {
                return i;
            }
            before += block.text().length();
        }
        return blocks.size();
    }

    /**
     * The blocks without the headings and the lead-ins ending in a colon at their end: a story never ends on
     * one (a pull quote, a heading that is a sentence, may stand there), a list of teasers (dropped as links) often starts with one ("Das könnte dich auch interessieren:").
     */
    static List<Block> withoutTrailingLeads(List<Block> blocks) {
        int end = blocks.size();
        while (end > 1) {
            Block last = blocks.get(end - 1);
            String text = last.text().strip();
            // A heading that is a sentence is a pull quote, which a page may place after the story.
            if (last.heading() && !sentence(text) || text.endsWith(":") && text.length() < MAX_LEAD_IN_CHARS) {
                end--;
            } else {
                break;
            }
        }
        return blocks.subList(0, end);
    }

    /**
     * The story's lead when the page sets it apart before the article's body: an element named as one
     * ({@code intro}, {@code lead}, {@code standfirst}, {@code abstract}) near the body (under its
     * grandparent), before it, holding a sentence of prose with few links.
     */
    static List<Element> leads(Element container, List<Block> blocks) {
        Element near = container.parent() == null ? null : container.parent().parent();
        if (near == null) {
            return List.of();
        }
        List<Element> leads = new ArrayList<>();
        for (Block block : blocks) {
            Element e = block.element();
            if (e == container || isAncestor(container, e)) {
                break; // the body has begun: only what comes before it
            }
            if (!isAncestor(near, e) || block.text().length() < MIN_LEAD_CHARS || block.linkDensity() > 0.2
                    || !sentence(block.text())) {
                continue;
            }
            for (Element up = e; up != null && up != near; up = up.parent()) {
                if (LEAD_MARKER.matcher(up.className() + " " + up.id()).find()) {
                    leads.add(e);
                    break;
                }
            }
        }
        return leads;
    }

    /** Removes what is never article text: invisible elements and boilerplate by tag or class. */
    static void prune(Element body) {
        List<Element> remove = new ArrayList<>();
        Set<Element> wrappers = articleWrappers(body);
        // What is inside an element that goes, goes with it: it is not asked again (the walk is in document
        // order, parents first).
        Set<Element> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            if (gone.contains(e.parent())) {
                gone.add(e);
                continue;
            }
            String tag = e.normalName();
            if (NEVER_CONTENT.contains(tag) || e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) && !e.hasText()
                    || isHiddenByStyle(e) || "dialog".equals(e.attr("role")) || "navigation".equals(e.attr("role"))
                    || "complementary".equals(e.attr("role")) || "contentinfo".equals(e.attr("role"))) {
                remove(e, remove, gone);
            } else if (FURNITURE.contains(tag) && !holdsArticle(e, wrappers)) {
                // A page header holds the site's name and menu, an article's header its headline: only
                // headers outside the article go.
                if (!tag.equals("header") || e.closest("article, main, [role=main]") == null) {
                    remove(e, remove, gone);
                }
            } else if (isBoilerplateByName(e, wrappers)) {
                remove(e, remove, gone);
            }
        }
        for (Element e : remove) {
            e.remove();
        }
    }

    /** Marks {@code e} to be removed by {@link #prune}, with everything inside it. */
    private static void remove(Element e, List<Element> remove, Set<Element> gone) {
        remove.add(e);
        gone.add(e);
    }

    /**
     * The elements that are or wrap an article-body marker ({@code main}, {@code article},
     * {@code itemprop=articleBody}, a class such as {@code entry-content}), and those with {@code role=main}:
     * found in one walk, as asking each element about its whole subtree was quadratic in the page's depth.
     */
    private static Set<Element> articleWrappers(Element body) {
        Set<Element> wrappers = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : body.getAllElements()) {
            String names = e.className() + " " + e.id();
            String tag = e.normalName();
            boolean marker = tag.equals("main") || tag.equals("article") || "articleBody".equals(e.attr("itemprop"))
                    || !names.isBlank() && CONTENT_MARKER.matcher(names).find();
            if (marker) {
                // Every ancestor wraps the marker too; the walk stops where an earlier marker's walk did.
                Element up = e;
                while (up != null && wrappers.add(up)) {
                    up = up.parent();
                }
            } else if ("main".equals(e.attr("role"))) {
                wrappers.add(e);
            }
        }
        return wrappers;
    }

    /** Whether an element wraps the article: it has an article-body marker inside, or much prose. */
    private static boolean holdsArticle(Element e, Set<Element> wrappers) {
        return wrappers.contains(e) || proseLength(e) > 1500 && linkDensity(e) < 0.3;
    }

    private static boolean isHiddenByStyle(Element e) {
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = WHITESPACE.matcher(style.toLowerCase(Locale.ROOT)).replaceAll("");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private static boolean isBoilerplateByName(Element e, Set<Element> wrappers) {
        String tag = e.normalName();
        if (tag.equals("html") || tag.equals("main") || tag.equals("article") || tag.equals("p") || HEADINGS.contains(tag)) {
            return false;
        }
        String names = (e.className() + " " + e.id()).strip();
        if (names.isEmpty() || !BOILERPLATE_TOKEN.matcher(names).find()) {
            return false;
        }
        // "widget Blog" around a blog post, "section--has-ads" around a story: a boilerplate word on an
        // element that wraps the article is a layout hint, not boilerplate.
        return !holdsArticle(e, wrappers);
    }

    /** Text in paragraphs, a cheap measure of how much prose an element holds. */
    private static int proseLength(Element e) {
        int length = 0;
        for (Element p : e.getElementsByTag("p")) {
            length += p.text().length();
        }
        return length;
    }

    private static double linkDensity(Element e) {
        int text = e.text().length();
        if (text == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.getElementsByTag("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, (double) links / text);
    }

    /**
     * The page's text as blocks: a block ends wherever a block-level element starts or ends. The walk is
     * jsoup's iterative traversal, with the enclosing blocks on an explicit stack: a recursive walk overflowed
     * the stack on a page of a few thousand nested elements (issue 17), and a page chooses its own depth.
     */
    static List<Block> blocks(Element body) {
        BlockBuilder builder = new BlockBuilder(body);
        NodeTraversor.traverse(builder, body);
        builder.flush(body);
        return builder.blocks;
    }

    private static final class BlockBuilder implements NodeVisitor {
        final List<Block> blocks = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        /** The block elements around the node visited, innermost first; text belongs to the first. */
        final Deque<Element> enclosing = new ArrayDeque<>();
        /** How many links the node visited is inside: text in any of them is link text. */
        int openLinks;
        int linkChars;
        /** The length of the block's text with each whitespace run as one character, and whether it ends in one. */
        int foldedLength;
        boolean lastWasSpace;
        Element owner;

        BlockBuilder(Element body) {
            enclosing.push(body);
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(t.getWholeText());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    text("\n");
                    return;
                }
                if (BLOCKS.contains(tag)) {
                    flush(enclosing.peek());
                    enclosing.push(e);
                }
                if (tag.equals("a")) {
                    openLinks++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            String tag = e.normalName();
            if (tag.equals("a")) {
                openLinks--;
            }
            if (BLOCKS.contains(tag)) {
                enclosing.pop();
                flush(e);
            }
        }

        private void text(String s) {
            if (owner == null && !s.isBlank()) {
                owner = enclosing.peek();
            }
            // The block's length with whitespace runs folded, kept as the text grows: folding the whole
            // block again for every text node was quadratic in the block's length.
            int before = foldedLength;
            for (int i = 0; i < s.length(); i++) {
                boolean space = isFoldedSpace(s.charAt(i));
                if (!space || !lastWasSpace) {
                    foldedLength++;
                }
                lastWasSpace = space;
            }
            text.append(s);
            if (openLinks > 0) {
                linkChars += foldedLength - before;
            }
        }

        /** The characters {@code \\s} matches, which {@link #clean} folds. */
        private static boolean isFoldedSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        void flush(Element fallback) {
            String s = clean(text.toString());
            if (!s.isEmpty()) {
                Element element = owner == null ? fallback : owner;
                blocks.add(new Block(s, Math.min(linkChars, s.length()), element.normalName(), element));
            }
            text.setLength(0);
            linkChars = 0;
            foldedLength = 0;
            lastWasSpace = false;
            owner = null;
        }
    }

    /** Whitespace folded within lines; line breaks from {@code <br>} kept. */
    static String clean(String text) {
        String visible = CONTROL.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ");
        String[] lines = visible.replace('\u00A0', ' ').split("\n");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String folded = WHITESPACE.matcher(line).replaceAll(" ").strip();
            if (!folded.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(folded);
            }
        }
        return out.toString();
    }

    /**
     * The elements that hold the article. Each paragraph of prose adds its score to its parent (full),
     * grandparent (half) and great-grandparent (a sixth); an element's score, weighted by its class and tag
     * and discounted by its link density, ranks it. Siblings of the best element that score well too, or
     * hold a paragraph of prose, belong to the article (a story split by an ad or an image).
     */
    static List<Element> containers(Element body, List<Block> blocks) {
        Map<Element, double[]> stats = new IdentityHashMap<>(); // text length, link length
        for (Block block : blocks) {
            for (Element e = block.element(); e != null; e = e.parent()) {
                double[] s = stats.computeIfAbsent(e, k -> new double[2]);
                s[0] += block.text().length();
                s[1] += block.linkChars();
                if (e == body) {
                    break;
                }
            }
        }
        Map<Element, Double> votes = new IdentityHashMap<>();
        for (Block block : blocks) {
            if (!isProse(block)) {
                continue;
            }
            double score = 1 + commas(block.text()) + Math.min(block.text().length() / 100, 3);
            Element parent = block.element().parent() == null ? block.element() : block.element().parent();
            if (block.tag().equals("div") || block.tag().equals("td") || block.tag().equals("section")
                    || block.tag().equals("article") || block.tag().equals("body")) {
                // Text directly in a div or cell: the div itself is the paragraph's container.
                parent = block.element();
            }
            votes.merge(parent, score, Double::sum);
            Element grandparent = parent.parent();
            if (grandparent != null) {
                votes.merge(grandparent, score / 2, Double::sum);
                Element great = grandparent.parent();
                if (great != null) {
                    votes.merge(great, score / 6, Double::sum);
                }
            }
        }
        Map<Element, Double> scores = new IdentityHashMap<>();
        votes.forEach((e, vote) -> {
            double[] s = stats.getOrDefault(e, new double[2]);
            double density = s[0] == 0 ? 0 : s[1] / s[0];
            scores.put(e, (vote + weight(e)) * (1 - density));
        });
        Element best = body;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            if (entry.getValue() > bestScore) {
                bestScore = entry.getValue();
                best = entry.getKey();
            }
        }
        // Paragraphs split over sibling boxes: when other good candidates share an ancestor with the best,
        // the article is that ancestor.
        List<Element> rivals = new ArrayList<>();
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element e = entry.getKey();
            if (e != best && !isAncestor(e, best) && !isAncestor(best, e) && entry.getValue() >= bestScore * 0.75) {
                rivals.add(e);
            }
        }
        if (rivals.size() >= 2) {
            Element common = best;
            for (Element rival : rivals) {
                while (common != null && common != body && !isAncestor(common, rival)) {
                    common = common.parent();
                }
            }
            if (common != null) {
                best = common;
            }
        }
        // A container that holds nearly all of its parent's text is the same box as the parent; widen to
        // catch a heading or a short lead beside it, but not a whole page of short chrome.
        while (best != body && best.parent() != null && best.parent() != body) {
            double[] mine = stats.getOrDefault(best, new double[2]);
            double[] theirs = stats.getOrDefault(best.parent(), new double[2]);
            if (theirs[0] > 0 && mine[0] / theirs[0] > 0.85 && theirs[0] - mine[0] < WIDEN_CHARS) {
                best = best.parent();
            } else {
                break;
            }
        }
        List<Element> chosen = new ArrayList<>();
        chosen.add(best);
        if (best != body && best.parent() != null) {
            double threshold = Math.max(10, scores.getOrDefault(best, bestScore) * 0.2);
            for (Element sibling : best.parent().children()) {
                if (sibling == best) {
                    continue;
                }
                double[] s = stats.getOrDefault(sibling, new double[2]);
                double density = s[0] == 0 ? 0 : s[1] / s[0];
                double score = scores.getOrDefault(sibling, 0.0);
                boolean prose = s[0] >= SIBLING_PROSE_CHARS && density < 0.25 && sentence(sibling.text());
                if ((score >= threshold && density < 0.3) || prose) {
                    chosen.add(sibling);
                }
            }
        }
        return chosen;
    }

    /** A paragraph of real prose: long enough, and not mostly links. */
    private static boolean isProse(Block block) {
        return !block.heading() && block.text().length() >= MIN_PARAGRAPH_CHARS && block.linkDensity() <= 0.5;
    }

    private static double weight(Element e) {
        double weight = switch (e.normalName()) {
            case "article" -> 15;
            case "main" -> 10;
            case "div", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "ol", "ul", "dl", "dd", "dt", "li", "form", "address" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if ("articleBody".equals(e.attr("itemprop"))) {
            weight += 30;
        }
        String names = e.className() + " " + e.id();
        if (!names.isBlank()) {
            if (NEGATIVE_CLASS.matcher(names).find()) {
                weight -= 25;
            }
            if (POSITIVE_CLASS.matcher(names).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    /**
     * Keeps the blocks that read as article text: not mostly links, not a known boilerplate phrase, and
     * short blocks only between kept ones (a subheading, a one-line quote).
     */
    static List<Block> classify(List<Block> blocks) {
        int n = blocks.size();
        Kind[] kinds = new Kind[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = kind(blocks.get(i));
        }
        // Short blocks take the class of their neighbours: between good text they are good.
        for (int i = 0; i < n; i++) {
            if (kinds[i] != Kind.SHORT) {
                continue;
            }
            Kind before = neighbour(kinds, i, -1);
            Kind after = neighbour(kinds, i, +1);
            boolean heading = blocks.get(i).heading();
            // A short sentence right after the story's text is its last line ("Be there or be square!").
            String text = blocks.get(i).text();
            boolean lastLine = i == n - 1 && before == Kind.GOOD && !heading && sentence(text) && !text.endsWith("?");
            kinds[i] = (before == Kind.GOOD && after == Kind.GOOD) || (heading && after == Kind.GOOD) || lastLine
                    ? Kind.GOOD : Kind.BAD;
        }
        List<Block> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (kinds[i] == Kind.GOOD) {
                kept.add(blocks.get(i));
            }
        }
        return kept;
    }

    private enum Kind { GOOD, SHORT, BAD }

    private static Kind kind(Block block) {
        String text = block.text();
        if (BOILERPLATE_PHRASE.matcher(text).matches()
                || text.length() < MAX_PROMOTION_CHARS
                        && (PROMOTION.matcher(text).find() || CALL_TO_ACTION.matcher(text).find())
                || text.length() < MAX_CAPTION_CHARS && !block.heading() && FIGURE_CAPTION.matcher(text).matches()) {
            return Kind.BAD;
        }
        double density = block.linkDensity();
        if (density > 0.5 || (density > 0.25 && text.length() < 80)) {
            return Kind.BAD;
        }
        if (text.length() < 40) {
            // A date, a time, a credit or a lone label between paragraphs is furniture; a short sentence
            // or a subheading may be the story's.
            if (!block.heading() && !DATA_BLOCKS.contains(block.tag())
                    && (LABEL.matcher(text).matches() || CREDIT.matcher(text).matches())) {
                return Kind.BAD;
            }
            return Kind.SHORT;
        }
        if (CREDIT.matcher(text).matches() && text.length() < 120) {
            return Kind.BAD;
        }
        return Kind.GOOD;
    }

    private static Kind neighbour(Kind[] kinds, int i, int step) {
        for (int j = i + step; j >= 0 && j < kinds.length; j += step) {
            if (kinds[j] != Kind.SHORT) {
                return kinds[j];
            }
        }
        return Kind.BAD;
    }

    /** Whether text ends as a sentence does (a box of prose rather than a label or a teaser title). */
    private static boolean sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith("\u201d") || t.endsWith("\"");
    }

    private static int commas(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                count++;
            }
        }
        return count;
    }

    static boolean isWithin(Element e, List<Element> containers) {
        for (Element container : containers) {
            if (e == container || isAncestor(container, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static int textLength(List<Block> blocks) {
        int length = 0;
        for (Block b : blocks) {
            length += b.text().length();
        }
        return length;
    }
}
