package io.pactwire.model;

/** The kinds of agreement Pactwire reports. A form type and a subject type may be reported together. */
public enum AgreementType {
    /** A non-binding written statement of agreed intentions (MoU). */
    MEMORANDUM_OF_UNDERSTANDING,
    /** A memorandum of cooperation (MoC). */
    MEMORANDUM_OF_COOPERATION,
    /** An agreement or pact to cooperate: technical, economic, scientific, industrial. */
    COOPERATION_AGREEMENT,
    /** A framework or umbrella agreement setting general terms for later agreements or talks. */
    FRAMEWORK_AGREEMENT,
    /** A letter, protocol or memorandum of intent that precedes a definitive deal. */
    LETTER_OF_INTENT,
    /** A joint declaration, communique or statement issued by several governments or organisations. */
    JOINT_DECLARATION,
    /** A formal agreement between states: a treaty, convention or protocol, an arms-control accord. */
    TREATY,
    /** An intergovernmental trade agreement, commodity agreement or settlement of a trade dispute. */
    TRADE_AGREEMENT,
    /** A loan or credit agreement or facility, or a debt rescheduling or restructuring. */
    LOAN_AGREEMENT,
    /** A merger, acquisition, takeover bid, tender offer, or a stake, unit or asset sale. */
    ACQUISITION_AGREEMENT,
    /** An agreement to form or run a joint venture or jointly owned company or project. */
    JOINT_VENTURE,
    /** A contract to supply goods or services, a purchase, charter, distribution or marketing deal. */
    SUPPLY_CONTRACT,
    /** Any other agreement: labour contracts, settlements, licences, budget or currency accords. */
    OTHER_AGREEMENT
}
