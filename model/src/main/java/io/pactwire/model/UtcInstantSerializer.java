package io.pactwire.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes an instant as Jackson's own serializer does with {@code WRITE_DATES_AS_TIMESTAMPS} off (ISO-8601
 * in UTC, {@link java.time.format.DateTimeFormatter#ISO_INSTANT}: the fraction of a second in groups of
 * three digits, none when it is zero), without the general formatter, which took a tenth of ingest's
 * publishing thread. Years outside 0000-9999 are written by {@link Instant#toString()}.
 */
final class UtcInstantSerializer extends StdSerializer<Instant> {
    private static final int SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written here. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long LAST_SECOND = 253_402_300_799L;

    UtcInstantSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        long seconds = value.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            generator.writeString(value.toString());
            return;
        }
        char[] text = new char[30];
        generator.writeString(text, 0, write(value, text));
    }

    /** Writes an instant of the years 0000-9999 into {@code out}; the chars written. */
    private static int write(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int n = 19;
        int nanos = instant.getNano();
        if (nanos > 0) {
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                n = digits(out, n, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                n = digits(out, n, nanos / 1_000, 6);
            } else {
                n = digits(out, n, nanos, 9);
            }
        }
        out[n++] = 'Z';
        return n;
    }

    /** Writes {@code value} as {@code count} decimal digits at {@code at}; the index after them. */
    private static int digits(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + count;
    }
}
