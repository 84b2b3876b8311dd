package io.pactwire.bench.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The heap read from {@code jcmd PID GC.heap_info}, as each of the JDK's collectors prints it (JDK 17). */
class HeapInfoTest {

    @Test
    void g1sHeapIsItsOneLineAndNotTheMetaspace() {
        String g1 = """
                6259:
                 garbage-first heap   total 17408K, used 2865K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 0 young (0K), 0 survivors (0K)
                 Metaspace       used 8968K, committed 9152K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertThat(HeapInfo.usedBytes(g1)).isEqualTo(2865L * 1024);
    }

    @Test
    void theSerialCollectorsHeapIsItsTwoGenerations() {
        String serial = """
                6392:
                 def new generation   total 78656K, used 17046K [0x00000000f0000000, 0x00000000f5550000, 0x00000000f5550000)
                  eden space 69952K,  24% used [0x00000000f0000000, 0x00000000f10a5930, 0x00000000f4450000)
                  from space 8704K,   0% used [0x00000000f4450000, 0x00000000f4450000, 0x00000000f4cd0000)
                  to   space 8704K,   0% used [0x00000000f4cd0000, 0x00000000f4cd0000, 0x00000000f5550000)
                 tenured generation   total 174784K, used 1200K [0x00000000f5550000, 0x0000000100000000, 0x0000000100000000)
                   the space 174784K,   0% used [0x00000000f5550000, 0x00000000f5550000, 0x00000000f5550200, 0x0000000100000000)
                 Metaspace       used 8968K, committed 9152K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertThat(HeapInfo.usedBytes(serial)).isEqualTo((17046L + 1200) * 1024);
    }

    @Test
    void theParallelCollectorsHeapIsItsTwoGenerations() {
        String parallel = """
                6454:
                 PSYoungGen      total 76288K, used 17040K [0x00000000fab00000, 0x0000000100000000, 0x0000000100000000)
                  eden space 65536K, 26% used [0x00000000fab00000,0x00000000fbba41a0,0x00000000feb00000)
                  from space 10752K, 0% used [0x00000000ff580000,0x00000000ff580000,0x0000000100000000)
                  to   space 10752K, 0% used [0x00000000feb00000,0x00000000feb00000,0x00000000ff580000)
                 ParOldGen       total 175104K, used 512K [0x00000000f0000000, 0x00000000fab00000, 0x00000000fab00000)
                  object space 175104K, 0% used [0x00000000f0000000,0x00000000f0000000,0x00000000fab00000)
                 Metaspace       used 8973K, committed 9216K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertThat(HeapInfo.usedBytes(parallel)).isEqualTo((17040L + 512) * 1024);
    }

    @Test
    void zgcsHeapIsInMegabytes() {
        String z = """
                7001:
                 ZHeap           used 8M, capacity 20M, max capacity 256M
                 Metaspace       used 8968K, committed 9152K, reserved 1114112K
                """;
        assertThat(HeapInfo.usedBytes(z)).isEqualTo(8L * 1024 * 1024);
    }

    @Test
    void anOutputThatNamesNoHeapIsAnError() {
        assertThatThrownBy(() -> HeapInfo.usedBytes("6259:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named no heap")
                .hasMessageContaining("Unable to open socket file");
    }

    @Test
    void aLiveJvmsHeapAfterAFullGcIsRead() throws Exception {
        // this test's own JVM, asked from outside as the benchmark asks a service's
        long used = HeapInfo.afterFullGc(ProcessHandle.current().pid());
        assertThat(used).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }
}
