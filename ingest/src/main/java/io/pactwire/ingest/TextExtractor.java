package io.pactwire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a plain-text or Markdown article into its parts: title, dateline, publication date and body.
 * Markdown markup (headings, emphasis, links) is removed; short navigation lines before the article
 * ("Search", "Press release") are dropped; a leading dateline ("Luxembourg, January 16, 2018 –") is
 * taken out of the body into {@link Extracted#dateline()}, as newswires print it apart from the story.
 */
public final class TextExtractor {
    /** No-break and narrow spaces, which pages put around dashes and in dates; read as plain spaces. */
    private static final Pattern NO_BREAK_SPACES = Pattern.compile("[\u00A0\u2007\u202F]");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?!\\s)(.+?)(?<!\\s)\\1(?![\\w*])");
    private static final Pattern DATELINE = Pattern.compile(
            "^(?<place>\\p{Lu}[\\p{L}.'’ -]{1,60}?(?:,\\s*\\p{Lu}[\\p{L}.'’ -]{1,40}?)?),\\s*(?<date>" + Dates.DATE
                    + ")\\s*[-–—]+\\s*");
    private static final Pattern ON_DATE = Pattern.compile("^On\\s+(?<date>" + Dates.DATE + "),");
    private static final int MIN_TITLE_WORDS = 3;
    private static final int MAX_TITLE_CHARS = 250;

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

    /** The parts of {@code text}. The body is empty when the text has no article in it. */
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
            if (candidate && words(block.text()) >= MIN_TITLE_WORDS && block.text().length() <= MAX_TITLE_CHARS) {
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
        String dateline = null;
        String publishedAt = null;
        // The dateline opens the story's first paragraph, which may come after a subtitle.
        for (int i = 0; i < paragraphs.size() && i < 3 && dateline == null && publishedAt == null; i++) {
            String lead = paragraphs.get(i);
            Matcher m = DATELINE.matcher(lead);
            if (m.find()) {
                var date = Dates.parse(m.group("date"));
                if (date.isPresent()) {
                    dateline = (m.group("place") + ", " + m.group("date")).strip();
                    publishedAt = date.get().toString();
                    paragraphs.set(i, lead.substring(m.end()));
                }
                continue;
            }
            Matcher on = ON_DATE.matcher(lead);
            if (on.find()) {
                publishedAt = Dates.parse(on.group("date")).map(Object::toString).orElse(null);
            }
        }
        return new Extracted(title, dateline, publishedAt, String.join("\n\n", paragraphs).strip());
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
        return s;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
