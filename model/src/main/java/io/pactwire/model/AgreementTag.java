package io.pactwire.model;

import java.util.List;

/**
 * An agreement an article reports.
 *
 * @param type     what kind of agreement
 * @param status   where it stands
 * @param parties  the sides, when named
 * @param date     ISO-8601 date of the event when stated or inferable
 * @param evidence the spans that report it
 */
public record AgreementTag(AgreementType type, AgreementStatus status, List<Party> parties, String date,
                           List<Evidence> evidence) {

    public AgreementTag {
        Fields.requireNonNull("type", type);
        status = status == null ? AgreementStatus.UNKNOWN : status;
        parties = Fields.copyOrEmpty("parties", parties);
        date = Fields.requireIsoDateOrNull("date", date);
        evidence = Fields.copyOrEmpty("evidence", evidence);
    }
}
