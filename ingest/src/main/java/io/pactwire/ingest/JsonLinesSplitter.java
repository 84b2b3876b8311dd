package io.pactwire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a stream of JSON lines into lines of bytes, undecoded, so that each line is parsed straight from
 * its bytes. A line is ended by {@code \n} (a {@code \r} before it is dropped); a UTF-8 byte order mark
 * at the start of the stream is skipped. A line longer than the limit is never held whole: it is
 * reported by number and skipped to its end, so one endless line costs no more memory than the limit.
 */
final class JsonLinesSplitter {
    private static final int CHUNK = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** What is told of each line, numbered from 1. */
    interface Lines {
        /** A line within the limit: {@code length} bytes of {@code bytes} from {@code offset}, without its end. */
        void line(int number, byte[] bytes, int offset, int length);

        /** A line over the limit, skipped. */
        void tooLong(int number);
    }

    private JsonLinesSplitter() {
    }

    static void split(InputStream in, int maxLineBytes, Lines lines) throws IOException {
        byte[] buffer = new byte[Math.min(CHUNK, maxLineBytes + 1)];
        int start = 0; // first byte of the current line in buffer
        int end = 0;   // bytes in buffer
        int number = 1;
        boolean skipping = false; // inside a line over the limit
        boolean first = true;
        int read;
        while ((read = in.read(buffer, end, buffer.length - end)) != -1) {
            int scan = end;
            end += read;
            if (first && end >= 3) {
                first = false;
                if ((buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                    start = 3;
                    scan = Math.max(scan, 3);
                }
            }
            for (int i = indexOfNewline(buffer, scan, end); i < end; i = indexOfNewline(buffer, i + 1, end)) {
                if (skipping) {
                    skipping = false;
                } else {
                    lines.line(number, buffer, start, lengthWithoutReturn(buffer, start, i));
                }
                number++;
                start = i + 1;
            }
            if (skipping) {
                start = end; // drop what is read of the long line
            } else if (end - start > maxLineBytes) {
                lines.tooLong(number);
                skipping = true;
                start = end;
            }
            // keep the unfinished line at the front, and room after it
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxLineBytes + 1L));
            }
        }
        if (first && end >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        if (!skipping && end > start) {
            lines.line(number, buffer, start, lengthWithoutReturn(buffer, start, end));
        }
    }

    /**
     * The index of the first {@code \n} in {@code buffer} from {@code from} to {@code to}, or {@code to}:
     * eight bytes at a time, a byte equal to the newline found as a zero byte of their XOR with it.
     */
    static int indexOfNewline(byte[] buffer, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(buffer, i) ^ NEWLINES;
            long zeros = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    private static int lengthWithoutReturn(byte[] buffer, int start, int end) {
        return end > start && buffer[end - 1] == '\r' ? end - 1 - start : end - start;
    }
}
