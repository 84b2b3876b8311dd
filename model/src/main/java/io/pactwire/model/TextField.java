package io.pactwire.model;

/** The part of an article an evidence span points into. Offsets count UTF-16 chars of that field. */
public enum TextField {
    TITLE,
    DATELINE,
    BODY
}
