package io.pactwire.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a service process used, written as JSON to a file when the JVM exits, for the pipeline benchmark:
 * the largest heap in use after a garbage collection (the live data the service keeps), the largest heap
 * in use at all, the heap limit, and the process's CPU time. On with {@code -Dpactwire.resource.report=FILE}.
 */
final class ResourceReport {
    static final String PROPERTY = "pactwire.resource.report";

    private ResourceReport() {
    }

    static void installIfAsked() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        AtomicLong peakAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> isHeap(e.getKey()))
                            .mapToLong(e -> e.getValue().getUsed()).sum();
                    peakAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(file), peakAfterGc.get()), "pactwire-resource-report"));
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    private static void write(Path file, long peakAfterGc) {
        long peakUsed = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
        long cpuNanos = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        String json = "{\"peakHeapAfterGcBytes\":" + peakAfterGc + ",\"peakHeapUsedBytes\":" + peakUsed
                + ",\"maxHeapBytes\":" + Runtime.getRuntime().maxMemory() + ",\"cpuMillis\":" + cpuNanos / 1_000_000
                + ",\"uptimeMillis\":" + ManagementFactory.getRuntimeMXBean().getUptime() + "}\n";
        try {
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the resource report " + file, e);
        }
    }
}
