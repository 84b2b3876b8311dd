package io.pactwire.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the raw serde (issue 17): whatever bytes a producer writes to {@code news.raw}, the deserializer
 * gives a valid {@link RawArticle} or throws {@link SerializationException}, the one failure the enricher
 * dead-letters; anything else would kill a stream thread. Bounded tries keep it to seconds; jqwik prints
 * the seed of a failure to replay it.
 */
class RawSerdeFuzzTest {
    private static final List<String> FIELDS = List.of("id", "sourceUri", "url", "title", "body", "dateline", "publishedAt",
            "language", "contentHash", "revision", "ingestedAt", "extra");

    @Property(tries = 1000)
    void arbitraryBytesAreAnArticleOrASerializationException(@ForAll byte[] bytes) {
        readsOrRefuses(bytes);
    }

    @Property(tries = 1000)
    void arbitraryTextIsAnArticleOrASerializationException(@ForAll String text) {
        readsOrRefuses(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void jsonObjectsWithWrongTypesAreAnArticleOrASerializationException(@ForAll("rawArticleLike") String json) {
        readsOrRefuses(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void readsOrRefuses(byte[] bytes) {
        try {
            RawArticle article = Serdes.RAW_ARTICLE.deserializer().deserialize("news.raw", bytes);
            assertThat(article).isNotNull();
            assertThat(RawArticle.requireValidId(article.id())).isEqualTo(article.id());
        } catch (SerializationException refused) {
            assertThat(refused.getMessage()).startsWith("Cannot read RawArticle");
        }
    }

    @Provide
    Arbitrary<String> rawArticleLike() {
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> entry = net.jqwik.api.Combinators.combine(field, value(2)).as((f, v) -> json(f) + ":" + v);
        return entry.list().ofMaxSize(14).map(entries -> "{" + String.join(",", entries) + "}");
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(RawSerdeFuzzTest::json),
                Arbitraries.of("\"2018-01-16\"", "\"+99999-01-01\"", "\"1799-12-31\"", "\"a\\u2028b\"", "\"x\\u202E\"",
                        "\"\\ud800\"", "\" id \"", "\"\"", "\"../../etc/passwd\"", "\"2018-01-16T09:30:00+01:00\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e400", "-0", "[]", "{}"));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.oneOf(scalar,
                value(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
                net.jqwik.api.Combinators.combine(Arbitraries.of(FIELDS), value(depth - 1)).as((f, v) -> "{" + json(f) + ":" + v + "}"));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < ' ') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
