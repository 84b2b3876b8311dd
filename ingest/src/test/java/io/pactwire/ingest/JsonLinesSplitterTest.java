package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesSplitterTest {

    private static List<String> split(byte[] input, int max, int chunk) throws IOException {
        List<String> seen = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk)); // a slow stream: few bytes per read
            }
        };
        JsonLinesSplitter.split(in, max, new JsonLinesSplitter.Lines() {
            @Override
            public void line(int number, byte[] bytes, int offset, int length) {
                seen.add(number + ":" + new String(bytes, offset, length, StandardCharsets.UTF_8));
            }

            @Override
            public void tooLong(int number) {
                seen.add(number + ": too long");
            }
        });
        return seen;
    }

    @Test
    void linesAreNumberedFromOneWithoutTheirEnds() throws IOException {
        byte[] input = "\uFEFF{\"a\":1}\r\n\n{\"b\":\"é\"}\n{\"c\":3}".getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 3, 7, 1000}) {
            assertThat(split(input, 100, chunk)).as("read %d bytes at a time", chunk)
                    .containsExactly("1:{\"a\":1}", "2:", "3:{\"b\":\"é\"}", "4:{\"c\":3}");
        }
    }

    @Test
    void aLineOverTheLimitIsReportedAndSkippedAndTheNextOnesRead() throws IOException {
        String longLine = "x".repeat(50);
        byte[] input = ("0123456789\n" + longLine + "\n" + "0123456789\n" + longLine).getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 4, 11, 12, 1000}) {
            assertThat(split(input, 10, chunk)).as("read %d bytes at a time", chunk)
                    .containsExactly("1:0123456789", "2: too long", "3:0123456789", "4: too long");
        }
    }

    @Test
    void anEndlessLineCostsNoMoreThanTheLimit() throws IOException {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return served[0]++ < 50_000_000 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served[0] >= 50_000_000) {
                    return -1;
                }
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                served[0] += len;
                return len;
            }
        };
        List<Integer> tooLong = new ArrayList<>();
        JsonLinesSplitter.split(endless, 1024, new JsonLinesSplitter.Lines() {
            @Override
            public void line(int number, byte[] bytes, int offset, int length) {
                throw new AssertionError("no line is within the limit");
            }

            @Override
            public void tooLong(int number) {
                tooLong.add(number);
            }
        });
        assertThat(tooLong).containsExactly(1);
        assertThat(served[0]).isGreaterThanOrEqualTo(50_000_000);
    }

    @Test
    void theNewlineScanFindsWhatAByteByByteScanFinds() {
        java.util.Random random = new java.util.Random(7);
        byte[] alphabet = {'\n', '\r', 'a', '"', 0x0A ^ 0x01, (byte) 0x8A, (byte) 0xFF, 0, 0x0B, 0x09};
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < to && bytes[expected] != '\n') {
                expected++;
            }
            assertThat(JsonLinesSplitter.indexOfNewline(bytes, from, to))
                    .as("%s from %d to %d", java.util.Arrays.toString(bytes), from, to).isEqualTo(expected);
        }
    }
}
