package io.pactwire.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** CPU time of this JVM's threads, grouped by what they are, between two snapshots. */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before = new HashMap<>();
    private final long gcMillis = gcMillis();
    private final long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
    }

    ThreadCpu() {
        for (long id : THREADS.getAllThreadIds()) {
            before.put(id, THREADS.getThreadCpuTime(id));
        }
    }

    /** Milliseconds of CPU per group of threads since this snapshot. */
    Map<String, Long> since() {
        Map<String, Long> groups = new TreeMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            long now = THREADS.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            long used = now - before.getOrDefault(id, 0L);
            groups.merge(group(info.getThreadName()), used / 1_000_000, Long::sum);
        }
        groups.values().removeIf(ms -> ms < 20);
        groups.put("(gc pauses)", gcMillis() - gcMillis);
        groups.put("(jit compile)", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillis);
        return groups;
    }

    private static String group(String name) {
        if (name.contains("producer-network-thread")) {
            return "client producer I/O";
        }
        if (name.contains("StreamThread")) {
            return "stream threads";
        }
        if (name.startsWith("data-plane-kafka-request-handler")) {
            return "broker request handlers";
        }
        if (name.startsWith("data-plane-kafka-network")) {
            return "broker network";
        }
        return name.replaceAll("[0-9]+", "N");
    }
}
