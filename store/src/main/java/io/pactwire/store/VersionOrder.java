package io.pactwire.store;

import io.pactwire.model.Versions;

import java.util.Comparator;

/**
 * Orders version strings naturally: runs of digits compare as numbers, the rest as text, so that
 * {@code rules-10} comes after {@code rules-9} and {@code 2026.11.2} after {@code 2026.11.1}. Versions
 * of results compare by tagger, then rules, then gazetteer. Versions must only grow: a rollback is
 * released as a new, higher version.
 */
public final class VersionOrder {
    /** Natural order of one version string. */
    public static final Comparator<String> NATURAL = VersionOrder::compareNatural;
    /** Order of the versions that produced a result. */
    public static final Comparator<Versions> VERSIONS = Comparator.comparing(Versions::tagger, NATURAL)
            .thenComparing(Versions::rules, NATURAL)
            .thenComparing(Versions::gazetteer, NATURAL);

    private VersionOrder() {
    }

    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = runEnd(a, i);
                int endB = runEnd(b, j);
                String na = stripZeros(a.substring(i, endA));
                String nb = stripZeros(b.substring(j, endB));
                int byLength = Integer.compare(na.length(), nb.length());
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = na.compareTo(nb);
                if (byDigits != 0) {
                    return byDigits;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int runEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
