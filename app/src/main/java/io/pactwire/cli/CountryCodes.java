package io.pactwire.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The country codes a result can carry: ISO 3166-1 alpha-2, Kosovo's XK, and the former countries the tagger knows. */
final class CountryCodes {
    /** Former countries the tagger names by their old ISO codes (docs: README, "Tagging"). */
    static final List<String> FORMER = List.of("SU", "DD", "YU", "CS", "YD", "AN");
    private static final Set<String> CURRENT = Set.of(Locale.getISOCountries());

    private CountryCodes() {
    }

    static boolean isKnown(String code) {
        return CURRENT.contains(code) || code.equals("XK") || FORMER.contains(code);
    }
}
