package io.pactwire.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable agreement ids: the same article, type and parties give the same id, whatever the order in
 * which the parties are named. Form: {@code <article id>:<TYPE>:<12 hex chars of the parties' hash>}.
 */
public final class AgreementIds {
    private AgreementIds() {
    }

    public static String of(String articleId, AgreementType type, List<Party> parties) {
        String sides = parties.stream()
                .map(p -> (p.country() == null ? "" : p.country()) + "|" + ContentHash.normalise(p.name()))
                .sorted()
                .distinct()
                .collect(Collectors.joining("\n"));
        return articleId + ":" + type.name() + ":" + ContentHash.sha256Hex(sides.toLowerCase(Locale.ROOT)).substring(0, 12);
    }
}
