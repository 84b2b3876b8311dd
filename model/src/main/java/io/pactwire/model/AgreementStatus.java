package io.pactwire.model;

/** Where an agreement stands, as the article reports it. */
public enum AgreementStatus {
    SIGNED,
    AGREED,
    PROPOSED,
    NEGOTIATING,
    EXTENDED,
    TERMINATED,
    UNKNOWN
}
