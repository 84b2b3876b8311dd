package io.pactwire.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Where a benchmark thread takes its next article: each thread walks the corpus from its own position. */
@State(Scope.Thread)
public class Cursor {
    private int next;

    /** The next index of a corpus of {@code size} articles, from the first again after the last. */
    int take(int size) {
        int i = next;
        next = i + 1 == size ? 0 : i + 1;
        return i;
    }
}
