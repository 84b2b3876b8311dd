package io.pactwire.model;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a record key as UTF-8 text and refuses bytes that are not UTF-8. Kafka's StringDeserializer
 * replaces them with U+FFFD, so two different keys could read as the same text, and a key that is not the
 * article id in any encoding could pass the check that it is.
 */
public final class StrictUtf8Deserializer implements Deserializer<String> {

    @Override
    public String deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (isAscii(data)) {
            return new String(data, StandardCharsets.US_ASCII); // article ids almost always are: no decoder per record
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SerializationException("The key of a record of topic '" + topic + "' is not valid UTF-8 ("
                    + data.length + " bytes): " + e.getMessage());
        }
    }

    private static boolean isAscii(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
