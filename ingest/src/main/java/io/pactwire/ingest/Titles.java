package io.pactwire.ingest;

import io.pactwire.text.DateGrammar;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headline of a web page, without the site's name and the other decorations pages add to it ("| DW |
 * 10.06.2013", "- Skateboard MSM", "INDUSTRIEMAGAZIN | ").
 *
 * <p>The headline comes from {@code og:title} (or {@code twitter:title}), else the first {@code h1}, else
 * {@code <title>}. A page's title is its headline and the site's name joined by a separator ({@code | - – —
 * · • » ::}); a part at either end is dropped when it names the site (its {@code og:site_name} or
 * {@code application-name}, or the labels of its host: "Weinkenner.de", "DW" on dw.com) or is a date. When
 * no part names the site, the page's {@code h1} decides: a run of parts at the start or end that reads as
 * the h1 is the headline. Otherwise the title is kept whole, since a separator may be the headline's own
 * ("Update | Deceased crash victims identified"), but for a {@code <title>}, the last resort, which loses a
 * short last part.
 */
final class Titles {
    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[|·•»]|[-–—]|::)\\s+|\\s*::\\s*|\\s+\\|\\s*|\\s*\\|\\s+");
    private static final Pattern TITLE_SITE_SUFFIX = Pattern.compile("\\s+[|–—-]\\s+[^|–—-]{2,60}$");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    /**
     * A date standing alone as a part of a title: "10.06.2013", "10. 06. 13", "2013-06-10", "10. Juni 2013", "June 10,
     * 2013"; the months are the date grammar's, the numeric forms looser than its (titles shorten the year).
     */
    private static final Pattern DATE_PART = Pattern.compile(
            "\\d{1,2}[./]\\s?\\d{1,2}[./]\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?\\s+" + DateGrammar.MONTH + "\\s+\\d{4}"
                    + "|" + DateGrammar.MONTH + "\\s+\\d{1,2},?\\s+\\d{4}");
    /** Host labels that say nothing about the site: "www", top-level domains. */
    private static final Set<String> GENERIC_LABELS = Set.of("www", "m", "amp", "mobile", "blog", "news", "com", "org",
            "net", "de", "at", "ch", "uk", "co", "fr", "es", "it", "pl", "info", "eu", "gov", "edu", "io", "online", "web");
    private static final int MIN_NAME_CHARS = 2;
    private static final Evaluator OG_TITLE = QueryParser.parse("meta[property=og:title], meta[name=og:title]");
    private static final Evaluator TWITTER_TITLE = QueryParser.parse("meta[name=twitter:title], meta[property=twitter:title]");
    private static final Evaluator SITE_NAME = QueryParser.parse("meta[property=og:site_name], meta[name=og:site_name]");
    private static final Evaluator APPLICATION_NAME = QueryParser.parse("meta[name=application-name]");
    private static final Evaluator TWITTER_SITE = QueryParser.parse("meta[name=twitter:site], meta[property=twitter:site]");

    private Titles() {
    }

    /** The page's headline, or empty. */
    static String of(Document document) {
        String h1 = firstH1(document);
        List<Element> metas = document.getElementsByTag("meta");
        String og = meta(metas, OG_TITLE);
        if (og.isEmpty()) {
            og = meta(metas, TWITTER_TITLE);
        }
        Set<String> site = siteNames(document, metas);
        // An og:title that is the site's name (some pages give every page the same) names no headline.
        if (!og.isEmpty() && !namesSite(og, site, true)) {
            return headline(og, site, h1);
        }
        if (!h1.isEmpty()) {
            return h1;
        }
        String title = headline(MainText.clean(document.title()), site, "");
        // A <title> is the headline and the site's name far more often than an og:title is: with nothing
        // else to go by, a short last part after a separator is the site's.
        return TITLE_SITE_SUFFIX.matcher(title).replaceFirst("");
    }

    /** The headline in {@code title}: without the parts at its ends that name the site or are dates. */
    static String headline(String title, Set<String> siteNames, String h1) {
        String clean = MainText.clean(title).replace('\n', ' ');
        List<String> parts = new ArrayList<>(Arrays.asList(SEPARATOR.split(clean)));
        parts.removeIf(part -> normalised(part).isEmpty());
        if (parts.size() < 2) {
            return clean;
        }
        // A date is dropped only beside the site's name ("| DW | 10.06.2013"): alone it may be the headline's
        // ("Wochenbericht 14. - 20. Januar 2022").
        int end = parts.size();
        boolean siteAtEnd = false;
        while (end > 1 && (namesSite(parts.get(end - 1), siteNames, false) || isDate(parts.get(end - 1)))) {
            siteAtEnd |= !isDate(parts.get(end - 1));
            end--;
        }
        if (!siteAtEnd) {
            end = parts.size();
        }
        int start = 0;
        while (end - start > 1 && namesSite(parts.get(start), siteNames, true)) {
            start++;
        }
        boolean dropped = siteAtEnd || start > 0;
        if (!dropped && !h1.isEmpty()) {
            // No part names the site: the h1 tells the headline from the rest.
            String wanted = normalised(h1);
            for (int i = parts.size() - 1; i >= 1; i--) {
                if (normalised(String.join(" ", parts.subList(0, i))).equals(wanted)) {
                    return h1;
                }
                if (normalised(String.join(" ", parts.subList(parts.size() - i, parts.size()))).equals(wanted)) {
                    return h1;
                }
            }
            return clean;
        }
        if (!dropped) {
            return clean;
        }
        // Cut the original text, so that the headline keeps its own punctuation between the parts kept.
        int from = clean.indexOf(parts.get(start));
        String last = parts.get(end - 1);
        int to = clean.indexOf(last, from) + last.length();
        return clean.substring(from, to).strip();
    }

    /**
     * Whether a part of a title is the site's name: it holds one of the names, or one holds it; at the start
     * of a title, where the headline's first words may be like the host's ("Welpen kaufen" on
     * welpenkaufen24.de), only the name itself.
     */
    private static boolean namesSite(String part, Set<String> siteNames, boolean exactly) {
        String p = normalised(part);
        if (p.length() < MIN_NAME_CHARS) {
            return false;
        }
        for (String name : siteNames) {
            if (exactly) {
                if (p.equals(name)) {
                    return true;
                }
                continue;
            }
            if (p.equals(name) || name.length() >= 3 && p.contains(name) && p.length() <= name.length() * 3
                    || name.contains(p) && p.length() * 2 >= Math.min(name.length(), 4)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDate(String part) {
        return DATE_PART.matcher(part.strip()).matches();
    }

    /** The site's names, normalised: og:site_name, application-name, the Twitter handle and the host's labels. */
    static Set<String> siteNames(Document document, List<Element> metas) {
        Set<String> names = new LinkedHashSet<>();
        for (String content : List.of(meta(metas, SITE_NAME), meta(metas, APPLICATION_NAME), meta(metas, TWITTER_SITE))) {
            String n = normalised(content);
            if (n.length() >= MIN_NAME_CHARS) {
                names.add(n);
            }
        }
        String canonical = HtmlExtractor.canonical(document);
        for (String address : List.of(document.location(), canonical == null ? "" : canonical)) {
            String host = host(address);
            if (host.isEmpty()) {
                continue;
            }
            String[] labels = host.split("\\.");
            StringBuilder joined = new StringBuilder();
            for (String label : labels) {
                String n = normalised(label);
                if (!GENERIC_LABELS.contains(n) && n.length() >= MIN_NAME_CHARS) {
                    names.add(n);
                    joined.append(n);
                }
            }
            if (joined.length() > 0) {
                names.add(normalised(host.startsWith("www.") ? host.substring(4) : host));
            }
        }
        return names;
    }

    private static String host(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        try {
            String host = URI.create(address.strip()).getHost();
            return host == null || !host.contains(".") ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAnAddress) {
            return "";
        }
    }

    private static String firstH1(Document document) {
        Element h1 = document.selectFirst("h1");
        return h1 == null ? "" : MainText.clean(h1.text()).replace('\n', ' ');
    }

    /** The content of the first of the page's {@code metas} that {@code selector} matches and that has one. */
    private static String meta(List<Element> metas, Evaluator selector) {
        for (Element meta : metas) {
            if (meta.is(selector)) {
                String content = meta.attr("content").strip();
                if (!content.isEmpty()) {
                    return content;
                }
            }
        }
        return "";
    }

    private static String normalised(String text) {
        return NOT_ALPHANUMERIC.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
