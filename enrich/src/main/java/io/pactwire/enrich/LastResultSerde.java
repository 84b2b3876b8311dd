package io.pactwire.enrich;

import io.pactwire.model.JsonSerde;
import io.pactwire.model.Versions;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The value format of the {@code last-results} store and its changelog: one article's {@link LastResult}, read
 * and written on every article the enricher tags.
 *
 * <pre>
 * 0x01 | hash | tagger | gazetteer | rules | count | id ...
 * </pre>
 * Each string is its UTF-8 length as an unsigned varint, then its bytes; {@code count} (a varint) is the number
 * of agreement ids. With the standard tagger's versions an article without agreements takes 194 bytes, where the
 * JSON it replaces took 275 (most of either is the versions), and neither writing nor reading it goes through
 * reflection (JMH {@code EnrichPathBenchmark.writeAndReadLastResult} against {@code ...AsJson}).
 *
 * <p>Values written before this format (JSON objects, by earlier releases) are still read: they start with
 * <code>{</code>, which no value of this format does, so a changelog restored after an upgrade needs no
 * migration. A value of neither kind is a {@link SerializationException} that says what it starts with.
 */
public final class LastResultSerde implements Serde<LastResult> {
    static final byte FORMAT = 1;
    private static final JsonSerde<LastResult> JSON = new JsonSerde<>(LastResult.class);

    private final Serializer<LastResult> serializer = this::serialize;
    private final Deserializer<LastResult> deserializer = this::deserialize;

    @Override
    public Serializer<LastResult> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<LastResult> deserializer() {
        return deserializer;
    }

    /** The bytes of {@code value}; null (a tombstone) gives null. */
    public byte[] serialize(String topic, LastResult value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(FORMAT);
        writeString(out, value.contentHash());
        writeString(out, value.versions().tagger());
        writeString(out, value.versions().gazetteer());
        writeString(out, value.versions().rules());
        writeVarint(out, value.agreementIds().size());
        for (String id : value.agreementIds()) {
            writeString(out, id);
        }
        return out.toByteArray();
    }

    /** The last result in {@code data}, in either format; null gives null. */
    public LastResult deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == '{') {
            return JSON.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != FORMAT) {
            throw new SerializationException("Cannot read a last result" + (topic == null ? "" : " from " + topic) + ": "
                    + (data.length == 0 ? "no bytes" : "unknown format byte " + (data[0] & 0xff) + " (expected " + FORMAT
                    + " or a JSON object)"));
        }
        Reader in = new Reader(data, topic);
        String hash = in.string();
        String tagger = in.string();
        String gazetteer = in.string();
        String rules = in.string();
        int count = in.varint();
        if (count > data.length) {
            throw in.corrupt("an agreement count of " + count);
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.string());
        }
        if (in.position != data.length) {
            throw in.corrupt((data.length - in.position) + " bytes after its last field");
        }
        try {
            return new LastResult(hash, new Versions(tagger, gazetteer, rules), ids);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7f) != 0) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    /** A cursor over one value's bytes, after its format byte. */
    private static final class Reader {
        private final byte[] data;
        private final String topic;
        private int position = 1;

        Reader(byte[] data, String topic) {
            this.data = data;
            this.topic = topic;
        }

        int varint() {
            int value = 0;
            for (int shift = 0; shift < 32; shift += 7) {
                if (position >= data.length) {
                    throw corrupt("a length cut off at byte " + position);
                }
                byte b = data[position++];
                value |= (b & 0x7f) << shift;
                if (b >= 0) {
                    if (value < 0) {
                        throw corrupt("a negative length");
                    }
                    return value;
                }
            }
            throw corrupt("a length of more than five bytes");
        }

        String string() {
            int length = varint();
            if (length > data.length - position) {
                throw corrupt("a string of " + length + " bytes where " + (data.length - position) + " are left");
            }
            String value = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        SerializationException corrupt(String what) {
            return new SerializationException("Cannot read a last result" + (topic == null ? "" : " from " + topic)
                    + ": " + what);
        }
    }
}
