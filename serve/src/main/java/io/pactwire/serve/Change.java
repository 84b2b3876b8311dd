package io.pactwire.serve;

/**
 * One record the view took in: what changed, which key, and whether it is gone (a tombstone). Sent to the
 * browsers as a server-sent event; they fetch what they show again.
 *
 * @param kind    which part of the view: {@code article}, {@code agreement} or {@code text}
 * @param key     the record's key (article or agreement id)
 * @param removed true for a tombstone: the article was retracted or the agreement is no longer found
 */
public record Change(String kind, String key, boolean removed) {
}
