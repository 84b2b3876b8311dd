package io.pactwire.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.Objects;

/**
 * JSON serde for one record type. A null value passes through both ways (a tombstone). Any failure is a
 * {@link SerializationException} whose message names the type, the topic and the offending field.
 */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final Serializer<T> serializer = this::serialize;
    private final Deserializer<T> deserializer = this::deserialize;

    public JsonSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    /** Serializes {@code value}; null gives null. */
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + describeTopic(topic)
                    + ": " + describe(e), e);
        }
    }

    /** Deserializes {@code data}; null gives null. */
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : deserialize(topic, data, 0, data.length);
    }

    /** Deserializes one value from {@code length} bytes of {@code data} from {@code offset}, without copying them. */
    public T deserialize(byte[] data, int offset, int length) {
        return deserialize(null, data, offset, length);
    }

    private T deserialize(String topic, byte[] data, int offset, int length) {
        String notUtf8 = Utf8.problem(data, offset, length);
        if (notUtf8 != null) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + describeTopic(topic) + ": " + notUtf8);
        }
        T value;
        try {
            value = reader.readValue(data, offset, length);
        } catch (IOException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + describeTopic(topic)
                    + ": " + describe(e), e);
        } catch (InvalidFieldException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + describeTopic(topic)
                    + ": field '" + e.field() + "': " + problemOf(e), e);
        }
        if (value == null) {
            // Only a null record value is a tombstone; the JSON text "null" is a producer's mistake.
            throw new SerializationException("Cannot read " + type.getSimpleName() + describeTopic(topic)
                    + ": the value is the JSON literal null (a retraction is a record with no value)");
        }
        return value;
    }

    /** Reads one value from a JSON text, with the same rules and messages as {@link #deserialize}. */
    public T fromJson(String json) {
        return deserialize(null, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes one value as a JSON text. */
    public String toJson(T value) {
        byte[] bytes = serialize(null, value);
        return bytes == null ? "null" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String describeTopic(String topic) {
        return topic == null ? "" : " from topic '" + topic + "'";
    }

    /** A message that names the field a mapping problem is about. */
    static String describe(IOException e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof InvalidFieldException invalid) {
            String parent = path(vie);
            String field = parent.isEmpty() ? invalid.field() : parent + "." + invalid.field();
            return "field '" + field + "': " + problemOf(invalid);
        }
        if (e instanceof JsonMappingException jme) {
            String field = path(jme);
            String problem = jme.getOriginalMessage();
            return field.isEmpty() ? problem : "field '" + field + "': " + firstLine(problem);
        }
        if (e instanceof StreamReadException sre) {
            String where = sre.getLocation() == null ? ""
                    : " at line " + sre.getLocation().getLineNr() + ", column " + sre.getLocation().getColumnNr();
            return "not valid JSON" + where + ": " + withoutLocation(firstLine(sre.getOriginalMessage()));
        }
        if (e instanceof JacksonException je) {
            return firstLine(je.getOriginalMessage());
        }
        return String.valueOf(e.getMessage());
    }

    private static String problemOf(InvalidFieldException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Jackson's own location suffixes repeat what {@code where} says, with less clarity. */
    private static String withoutLocation(String message) {
        int cut = message.length();
        for (String marker : new String[] {" (start marker at", " at [Source"}) {
            int at = message.indexOf(marker);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return message.substring(0, cut);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
