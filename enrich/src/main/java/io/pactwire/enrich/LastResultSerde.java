package io.pactwire.enrich;

import io.pactwire.model.JsonSerde;
import io.pactwire.model.Versions;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import org.apache.kafka.common.utils.ByteUtils;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
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
        List<String> ids = value.agreementIds();
        byte[][] fields = {utf8(value.contentHash()), utf8(value.versions().tagger()), utf8(value.versions().gazetteer()),
                utf8(value.versions().rules())};
        byte[][] idBytes = new byte[ids.size()][];
        for (int i = 0; i < idBytes.length; i++) {
            idBytes[i] = utf8(ids.get(i));
        }
        ByteBuffer out = ByteBuffer.allocate(1 + size(fields) + ByteUtils.sizeOfUnsignedVarint(idBytes.length) + size(idBytes));
        out.put(FORMAT);
        put(out, fields);
        ByteUtils.writeUnsignedVarint(idBytes.length, out);
        put(out, idBytes);
        return out.array();
    }

    /** The bytes {@link #put} takes for {@code strings}. */
    private static int size(byte[][] strings) {
        int size = 0;
        for (byte[] string : strings) {
            size += ByteUtils.sizeOfUnsignedVarint(string.length) + string.length;
        }
        return size;
    }

    /** Each of {@code strings}: its length as an unsigned varint, then its bytes. */
    private static void put(ByteBuffer out, byte[][] strings) {
        for (byte[] string : strings) {
            ByteUtils.writeUnsignedVarint(string.length, out);
            out.put(string);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
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
            throw unreadable(topic, data.length == 0 ? "no bytes"
                    : "unknown format byte " + (data[0] & 0xff) + " (expected " + FORMAT + " or a JSON object)");
        }
        Reader in = new Reader(data, topic);
        String hash = in.string();
        String tagger = in.string();
        String gazetteer = in.string();
        String rules = in.string();
        int count = in.varint();
        if (count > in.left()) {
            throw in.corrupt("an agreement count of " + count);
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.string());
        }
        if (in.left() != 0) {
            throw in.corrupt(in.left() + " bytes after its last field");
        }
        try {
            return new LastResult(hash, new Versions(tagger, gazetteer, rules), ids);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
    }

    /** A cursor over one value's bytes, after its format byte; every problem is a {@link SerializationException}. */
    private static final class Reader {
        private final ByteBuffer data;
        private final String topic;

        Reader(byte[] data, String topic) {
            this.data = ByteBuffer.wrap(data, 1, data.length - 1);
            this.topic = topic;
        }

        int varint() {
            int value;
            try {
                value = ByteUtils.readUnsignedVarint(data);
            } catch (BufferUnderflowException e) {
                throw corrupt("a length cut off at byte " + data.position());
            } catch (IllegalArgumentException e) {
                throw corrupt("a length of more than five bytes");
            }
            if (value < 0) {
                throw corrupt("a negative length");
            }
            return value;
        }

        String string() {
            int length = varint();
            if (length > data.remaining()) {
                throw corrupt("a string of " + length + " bytes where " + data.remaining() + " are left");
            }
            String value = new String(data.array(), data.position(), length, StandardCharsets.UTF_8);
            data.position(data.position() + length);
            return value;
        }

        int left() {
            return data.remaining();
        }

        SerializationException corrupt(String what) {
            return unreadable(topic, what);
        }
    }

    private static SerializationException unreadable(String topic, String what) {
        return new SerializationException("Cannot read a last result" + (topic == null ? "" : " from " + topic) + ": " + what);
    }
}
