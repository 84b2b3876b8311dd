package io.pactwire.model;

import io.pactwire.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Revisions are bounded where records are made and read: a record over {@link RawArticle#MAX_REVISION} from
 * any producer is unreadable with the field named, so the enricher dead-letters it instead of letting it pin
 * the article, and no {@code revision + 1} can overflow.
 */
class RawArticleRevisionTest {

    @Test
    void theBoundIsAcceptedAndItsNextIsNot() {
        assertThat(RawArticle.of("a", "", "text").withRevision(RawArticle.MAX_REVISION).revision()).isEqualTo(RawArticle.MAX_REVISION);
        assertThatThrownBy(() -> RawArticle.of("a", "", "text").withRevision(RawArticle.MAX_REVISION + 1))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("revision: must be at most 1000000 (RawArticle.MAX_REVISION), got 1000001")
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("revision");
    }

    @Test
    void theBoundLeavesRoomForTheNextRevisionWithoutOverflow() {
        assertThat(RawArticle.MAX_REVISION).isLessThan(Integer.MAX_VALUE);
        assertThat(RawArticle.MAX_REVISION + 1).isPositive();
    }

    @ParameterizedTest(name = "revision {0}")
    @ValueSource(strings = {"1000001", "2147483647"})
    void theRawTopicsSerdeRefusesARevisionOverTheBoundNamingTheField(String revision) {
        byte[] json = ("{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"revision\":" + revision + "}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), json))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot read RawArticle from topic 'news.raw': field 'revision': must be at most 1000000"
                        + " (RawArticle.MAX_REVISION), got " + revision);
    }

    @Test
    void aRevisionOverTheIntegerRangeIsRefusedToo() {
        byte[] json = "{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"revision\":2147483648}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("field 'revision'");
    }

    @Test
    void theRawTopicsSerdeCannotWriteOne() {
        // nor can a producer using the model: the record cannot be made
        assertThatThrownBy(() -> new RawArticle("a", null, null, "t", "b", null, null, null, null, Integer.MAX_VALUE, null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("revision");
    }
}
