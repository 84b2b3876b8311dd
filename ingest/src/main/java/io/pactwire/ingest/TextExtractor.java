package io.pactwire.ingest;

import io.pactwire.text.DateGrammar;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article's text into its parts: title, dateline, publication date and body. It reads plain text
 * and Markdown ({@link #extract(String)}) and the paragraphs found in a web page
 * ({@link #extract(String, List)}), and cleans both the same way:
 * <ul>
 *   <li>Markdown markup (headings, emphasis, links) is removed; short navigation lines before the article
 *       ("Search", "Press release") are dropped;</li>
 *   <li>a leading dateline ("Luxembourg, January 16, 2018 –", "LONDON, March 3, 2021 (Reuters) -") is taken out of the body into
 *       {@link Extracted#dateline()}, as newswires print it apart from the story; "On 14 February 2018, ..."
 *       gives the publication date and stays in the text;</li>
 *   <li>what pages put after the story is cut: a "Read more" teaser list, a media-contact block, and the
 *       chrome around them ("Resources all news", "Fermer", "Photo credit : ...", "Read full article in
 *       English", "Article from example.lu", "Released by ...").</li>
 * </ul>
 */
public final class TextExtractor {
    /** No-break and narrow spaces, which pages put around dashes and in dates; read as plain spaces. */
    private static final Pattern NO_BREAK_SPACES = Pattern.compile("[\u00A0\u2007\u202F]");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?!\\s)(.+?)(?<!\\s)\\1(?![\\w*])");
    /** A dateline (place, qualifier, date, agency, dash) as the tagger reads it too; ingest takes it out with its year. */
    private static final Pattern DATELINE = DateGrammar.DATED_DATELINE;
    /** A full date, with its year: a dateline without one gives no publication date and stays in the body. */
    private static final Pattern FULL_DATE = Pattern.compile(DateGrammar.DATE);
    private static final Pattern ON_DATE = Pattern.compile("^On\\s+(?<date>" + Dates.DATE + "),");
    /**
     * A block that starts the list of teasers after a story: a "Read more" link standing alone, or a
     * blurb whose last line is one.
     */
    private static final Pattern TEASER_START = Pattern.compile(
            "(?is)(?:^|.*\\n)(?:read more|more news|related (?:news|articles|stories)|see also|you may also like"
                    + "|weiterlesen|mehr zum thema|lire la suite|lire aussi)\\s*[:»›>…]*\\s*");
    /** A heading that opens the contact block of a press release: it and everything after it go. */
    private static final Pattern CONTACT_HEADING = Pattern.compile(
            "(?i)(?:media|press|for (?:further|more) information,?)?\\s*(?:contacts?|enquiries|inquiries)"
                    + "(?: for (?:the )?(?:media|press))?\\s*:?|pressekontakt:?|contact presse\\s*:?");
    /** Page chrome that is never part of a story, wherever it stands. */
    private static final Pattern CHROME = Pattern.compile("(?iu)(?:"
            + "(?:resources\\s+)?all news|fermer|close|search|menu|print|share|back|top|skip to (?:main )?content"
            + "|photo(?:\\s+credit)?s?\\s*:.*|(?:image|picture)\\s+credits?\\s*:.*|credits?\\s*:.*|©.*"
            + ")\\s*");
    /** Lines after a story that say where it came from or point elsewhere; dropped from its end. */
    private static final Pattern TRAILER = Pattern.compile("(?iu)(?:"
            + "article from\\s+\\S+.*|released by\\s+.{3,80}|read (?:the )?full (?:article|story|text|press release).*"
            + "|source\\s*:.{1,80}|published by\\s+.{3,80}|more information\\s*:?.{0,80}"
            + ")\\s*");
    private static final int MIN_TITLE_WORDS = 3;
    private static final int MAX_TITLE_CHARS = 250;

    private final Dates dates;

    /** Numeric dates read day first. */
    public TextExtractor() {
        this(Dates.dayFirst());
    }

    public TextExtractor(Dates dates) {
        this.dates = dates;
    }

    /**
     * The parts of an article.
     *
     * @param title       the headline, or empty
     * @param dateline    the dateline without its dash, or null
     * @param publishedAt ISO date of publication from the dateline, or null
     * @param body        the main text, paragraphs separated by blank lines
     */
    public record Extracted(String title, String dateline, String publishedAt, String body) {
    }

    /** The parts of plain text or Markdown. The body is empty when the text has no article in it. */
    public Extracted extract(String text) {
        List<Block> blocks = blocks(text);
        String title = "";
        int first = 0;
        // The title is the first heading, or a first short line standing alone, that has enough words;
        // short lines before it are navigation and go.
        for (int i = 0; i < blocks.size() && i < 4; i++) {
            Block block = blocks.get(i);
            boolean candidate = block.heading() || (!block.text().contains("\n") && i + 1 < blocks.size()
                    && !block.text().endsWith(".") && block.text().length() <= MAX_TITLE_CHARS);
            if (candidate && words(block.text()) >= MIN_TITLE_WORDS && block.text().length() <= MAX_TITLE_CHARS
                    && !datedLine(block.text())) {
                title = block.text();
                first = i + 1;
                break;
            }
            if (words(block.text()) >= MIN_TITLE_WORDS + 1 || block.text().length() > MAX_TITLE_CHARS) {
                first = i;
                break;
            }
            first = i + 1;
        }
        List<String> paragraphs = new ArrayList<>();
        for (int i = first; i < blocks.size(); i++) {
            paragraphs.add(blocks.get(i).text());
        }
        return parts(title, paragraphs);
    }

    /**
     * The parts of an article whose title and paragraphs are already known, as read from a web page. A first
     * paragraph that repeats the title is dropped.
     */
    public Extracted extract(String title, List<String> paragraphs) {
        List<String> body = new ArrayList<>();
        for (String paragraph : paragraphs) {
            String clean = NO_BREAK_SPACES.matcher(paragraph).replaceAll(" ").strip();
            if (!clean.isEmpty()) {
                body.add(clean);
            }
        }
        if (!body.isEmpty() && title != null && sameText(body.get(0), title)) {
            body.remove(0);
        }
        return parts(title == null ? "" : title.strip(), body);
    }

    private Extracted parts(String title, List<String> blocks) {
        List<String> paragraphs = withoutChrome(blocks);
        String dateline = null;
        String publishedAt = null;
        // The dateline opens the story's first paragraph, which may come after a subtitle.
        for (int i = 0; i < paragraphs.size() && i < 3 && dateline == null && publishedAt == null; i++) {
            String lead = paragraphs.get(i);
            Matcher m = DATELINE.matcher(lead);
            if (m.find() && FULL_DATE.matcher(m.group("date")).matches()) {
                var date = dates.parse(m.group("date"));
                if (date.isPresent()) {
                    dateline = (m.group("where") + ", " + m.group("date")
                            + (m.group("agency") == null ? "" : " " + m.group("agency"))).strip();
                    publishedAt = date.get().toString();
                    String rest = lead.substring(m.end());
                    if (rest.isBlank()) {
                        paragraphs.remove(i);
                    } else {
                        paragraphs.set(i, rest);
                    }
                }
                continue;
            }
            Matcher on = ON_DATE.matcher(lead);
            if (on.find()) {
                publishedAt = dates.parse(on.group("date")).map(Object::toString).orElse(null);
            }
        }
        return new Extracted(title, dateline, publishedAt, String.join("\n\n", paragraphs).strip());
    }

    /** Whether {@code text} opens with a dateline that has a full date. */
    private static boolean datedLine(String text) {
        Matcher m = DATELINE.matcher(text);
        return m.find() && FULL_DATE.matcher(m.group("date")).matches();
    }

    /**
     * The story without what follows it (teasers, the contact block) and without page chrome. The cut at a
     * teaser list or a contact heading is made only after the story has begun, so an article that opens
     * with "Read more" or "Contact" loses nothing.
     */
    static List<String> withoutChrome(List<String> blocks) {
        List<String> kept = new ArrayList<>();
        int storyChars = 0;
        for (String block : blocks) {
            boolean storyBegun = storyChars >= 200;
            if (storyBegun && (TEASER_START.matcher(block).matches() || CONTACT_HEADING.matcher(block).matches())) {
                break;
            }
            if (CHROME.matcher(block).matches()) {
                continue;
            }
            kept.add(block);
            storyChars += block.length();
        }
        // Where the story came from and links to elsewhere trail it; chrome may stand between them.
        while (!kept.isEmpty() && kept.size() > 1) {
            String last = kept.get(kept.size() - 1);
            if (TRAILER.matcher(last).matches() || CHROME.matcher(last).matches()) {
                kept.remove(kept.size() - 1);
            } else {
                break;
            }
        }
        return kept;
    }

    /**
     * How many of {@code blocks} make the story: all of them, or those before a teaser list or a contact
     * block that starts once the story has begun (200 characters).
     */
    static int storyLength(List<String> blocks) {
        int storyChars = 0;
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            if (storyChars >= 200 && (TEASER_START.matcher(block).matches() || CONTACT_HEADING.matcher(block).matches())) {
                return i;
            }
            storyChars += block.length();
        }
        return blocks.size();
    }

    private static boolean sameText(String a, String b) {
        return a.replaceAll("\\s+", " ").strip().equalsIgnoreCase(b.replaceAll("\\s+", " ").strip());
    }

    private record Block(String text, boolean heading) {
    }

    /** Paragraphs (runs of non-blank lines), with their Markdown markup removed. */
    private static List<Block> blocks(String text) {
        String normalised = NO_BREAK_SPACES.matcher(text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll(" ");
        List<Block> blocks = new ArrayList<>();
        for (String raw : normalised.split("\n\\s*\n")) {
            String stripped = raw.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            boolean heading = HEADING.matcher(stripped).find();
            String clean = unmark(HEADING.matcher(stripped).replaceFirst("")).strip();
            if (!clean.isEmpty()) {
                blocks.add(new Block(clean, heading));
            }
        }
        return blocks;
    }

    private static String unmark(String text) {
        String s = IMAGE.matcher(text).replaceAll("");
        s = LINK.matcher(s).replaceAll("$1");
        s = STRONG.matcher(s).replaceAll("$2");
        s = EMPHASIS.matcher(s).replaceAll("$2");
        // Trailing spaces at line ends are Markdown line breaks or scraping residue, never text.
        return s.replaceAll("[ \t]+\n", "\n").replaceAll("[ \t]+$", "");
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
