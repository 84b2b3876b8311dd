package io.pactwire.bench.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A throughput figure: how many records (and bytes) in how long, and the process's CPU time meanwhile (-1: not measured). */
record Measured(long records, long bytes, long nanos, long cpuNanos) {
    Measured(long records, long bytes, long nanos) {
        this(records, bytes, nanos, -1);
    }

    double cores() {
        return cpuNanos / (double) nanos;
    }

    /** The median by rate of an odd number of measurements. */
    static Measured median(List<Measured> all) {
        List<Measured> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Measured::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    double perSecond() {
        return records / (nanos / 1e9);
    }

    double megabytesPerSecond() {
        return bytes / 1e6 / (nanos / 1e9);
    }
}
