package io.pactwire.tagger;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The country of a government publisher, read from its host name: a government's press office speaks for its
 * country, and a release of "the Cabinet" or "the Ministry" rarely names it. A host is a government's when one of
 * its labels says so under a country code top-level domain ({@code cabinetoffice.gov.lk}, {@code diplomatie.gouv.fr},
 * {@code mofa.go.jp}, {@code beehive.govt.nz}, {@code gob.mx}, {@code admin.ch}, {@code gov.uk}) or it is under the
 * United States' own {@code .gov} and {@code .mil}, or the Government of Canada's {@code gc.ca} and {@code canada.ca}.
 * A commercial or news site ({@code finance.yahoo.com}, {@code bbc.co.uk}) has no country here: its home is not a
 * side of what it reports.
 */
final class Publishers {
    /** Labels that name a government anywhere in a host under a country code ("gov", "gouv", "ministry"...). */
    private static final Set<String> GOVERNMENT_LABELS = Set.of("gov", "govt", "gouv", "gob", "gub", "government",
            "gouvernement", "gobierno", "governo", "regierung", "bundesregierung", "presidency", "presidencia",
            "presidence", "cabinet", "cabinetoffice", "pmo", "mofa", "mfa", "mofat", "mea");
    /**
     * Second-level labels of a government under some country codes only ({@code go.jp}, {@code admin.ch},
     * {@code bund.de}): as a deeper label these words say nothing.
     */
    private static final Set<String> GOVERNMENT_SECOND_LEVEL = Set.of("go", "gv", "admin", "bund", "gc");

    private Publishers() {
    }

    /**
     * The country ({@code known} ISO 3166-1 alpha-2 code) whose government publishes on {@code site}, a host name or
     * an http(s) URL; null when the site is no government's, or not a host at all.
     */
    static String governmentCountry(String site, Predicate<String> known) {
        String host = host(site);
        if (host == null) {
            return null;
        }
        String[] labels = host.split("\\.");
        if (labels.length < 2) {
            return null;
        }
        String tld = labels[labels.length - 1];
        if (tld.equals("gov") || tld.equals("mil")) {
            return "US";
        }
        if (host.equals("canada.ca") || host.endsWith(".gc.ca")) {
            return "CA";
        }
        if (tld.length() != 2) {
            return null;
        }
        String code = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
        if (!known.test(code)) {
            return null;
        }
        if (GOVERNMENT_SECOND_LEVEL.contains(labels[labels.length - 2])) {
            return code;
        }
        for (int i = 0; i < labels.length - 1; i++) {
            String label = labels[i];
            if (GOVERNMENT_LABELS.contains(label) || label.startsWith("minist")) {
                return code;
            }
        }
        return null;
    }

    /** The lower-case host of a URL or of a bare host name ({@code www.} aside), or null. */
    static String host(String site) {
        if (site == null || site.isBlank()) {
            return null;
        }
        String s = site.strip().toLowerCase(Locale.ROOT);
        if (s.contains("://")) {
            try {
                s = new URI(s).getHost();
            } catch (URISyntaxException e) {
                return null;
            }
            if (s == null) {
                return null;
            }
        } else {
            int slash = s.indexOf('/');
            s = slash < 0 ? s : s.substring(0, slash);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        return s.isEmpty() || s.indexOf('.') < 0 ? null : s;
    }
}
