package io.pactwire.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * For a run that reads its sources again (--watch, --poll): an article whose source gives the same content as at
 * its last read is not an input again (it was counted, and decided, then), so a web page polled every five minutes
 * is not reported unchanged at every poll. Everything else goes on to {@code next}: new
 * and changed articles, and every rejection and skip (a source still failing is said at each read). Used on the
 * reading thread only.
 */
final class ReadAgain implements Consumer<Input> {
    private final Consumer<Input> next;
    /** Content last read per source. */
    private final Map<String, String> lastHashBySource = new HashMap<>();

    ReadAgain(Consumer<Input> next) {
        this.next = next;
    }

    @Override
    public void accept(Input input) {
        if (input instanceof Input.Article a
                && a.article().contentHash().equals(lastHashBySource.put(a.source(), a.article().contentHash()))) {
            return;
        }
        next.accept(input);
    }
}
