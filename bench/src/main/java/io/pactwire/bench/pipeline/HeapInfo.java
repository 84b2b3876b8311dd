package io.pactwire.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of another JVM after a full GC, measured from outside it with the JDK's {@code jcmd}:
 * {@code jcmd PID GC.run}, then {@code jcmd PID GC.heap_info}, whose used bytes are then the live data.
 */
final class HeapInfo {
    /**
     * A top-level line of {@code GC.heap_info}: one space, the heap or generation's name, its total and used
     * size in KB ({@code " garbage-first heap   total 17408K, used 2865K [...]"}, {@code " def new generation
     * total ..."}, {@code " PSYoungGen total ..."}). Nested lines (regions, spaces) are indented further.
     */
    private static final Pattern GENERATION = Pattern.compile("^ (\\S.*?)\\s+total (\\d+)K, used (\\d+)K");
    /** ZGC's one line: {@code " ZHeap           used 8M, capacity 20M, max capacity 256M"}. */
    private static final Pattern Z_HEAP = Pattern.compile("^ ZHeap\\s+used (\\d+)M");

    private HeapInfo() {
    }

    /** Runs a full GC in the JVM of {@code pid}, then returns the bytes of heap it uses. */
    static long afterFullGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return usedBytes(jcmd(pid, "GC.heap_info"));
    }

    /**
     * The heap's used bytes in the output of {@code jcmd PID GC.heap_info}: that of G1's heap, or the sum of
     * the generations of the serial and parallel collectors, or ZGC's; never the metaspace.
     *
     * @throws IllegalArgumentException if the output names no heap
     */
    static long usedBytes(String heapInfo) {
        long usedKb = 0;
        boolean found = false;
        for (String line : heapInfo.split("\\R")) {
            Matcher generation = GENERATION.matcher(line);
            if (generation.find() && !generation.group(1).startsWith("Metaspace")) {
                usedKb += Long.parseLong(generation.group(3));
                found = true;
                continue;
            }
            Matcher z = Z_HEAP.matcher(line);
            if (z.find()) {
                usedKb += Long.parseLong(z.group(1)) * 1024;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("jcmd GC.heap_info named no heap:\n" + heapInfo);
        }
        return usedKb * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                Long.toString(pid), command)).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
