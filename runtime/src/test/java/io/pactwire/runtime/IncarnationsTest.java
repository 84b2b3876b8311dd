package io.pactwire.runtime;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncarnationsTest {
    private static final Uuid RAW = Uuid.fromString("AAAAAAAAAAAAAAAAAAAAAQ");
    private static final Uuid RAW_AGAIN = Uuid.fromString("AAAAAAAAAAAAAAAAAAAAAg");
    private static final Uuid ARTICLES = Uuid.fromString("AAAAAAAAAAAAAAAAAAAAAw");

    @Test
    void sameClusterAndTopicsHaveNoDifference() {
        Incarnations a = new Incarnations("c1", Map.of("news.raw", RAW, "news.articles", ARTICLES));
        assertThat(a.differences(new Incarnations("c1", Map.of("news.articles", ARTICLES, "news.raw", RAW)))).isEmpty();
    }

    @Test
    void anotherClusterIsOneDifferenceWhateverItsTopics() {
        Incarnations a = new Incarnations("c1", Map.of("news.raw", RAW));
        assertThat(a.differences(new Incarnations("c2", Map.of("news.raw", RAW))))
                .containsExactly("it is another cluster (cluster id c2, was c1)");
    }

    @Test
    void namesDeletedRecreatedAndNewTopics() {
        Incarnations before = new Incarnations("c1", Map.of("news.raw", RAW, "news.articles", ARTICLES));
        Incarnations now = new Incarnations("c1", Map.of("news.raw", RAW_AGAIN, "news.dlq", ARTICLES));
        assertThat(before.differences(now)).containsExactly(
                "topic news.articles was deleted (its id was " + ARTICLES + ")",
                "topic news.dlq did not exist then and has id " + ARTICLES + " now",
                "topic news.raw was deleted and created again (id " + RAW_AGAIN + ", was " + RAW + ")");
    }

    @Test
    void roundTripsThroughProperties() {
        Incarnations a = new Incarnations("c1", Map.of("news.raw", RAW, "pactwire-enrich-last-results-changelog", ARTICLES));
        assertThat(Incarnations.fromProperties(a.toProperties())).isEqualTo(a);
    }

    @Test
    void refusesPropertiesWithoutClusterOrWithMalformedIds() {
        assertThatThrownBy(() -> Incarnations.fromProperties(new Properties())).isInstanceOf(IllegalArgumentException.class);
        Properties bad = new Incarnations("c1", Map.of()).toProperties();
        bad.setProperty("topic.news.raw", "not-a-uuid");
        assertThatThrownBy(() -> Incarnations.fromProperties(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsOnlyTheNamedTopics() {
        Incarnations a = new Incarnations("c1", Map.of("news.raw", RAW, "news.articles", ARTICLES));
        assertThat(a.only(List.of("news.raw")).topicIds()).containsOnlyKeys("news.raw");
    }
}
