package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.model.ContentHash;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.Conservation;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.topics.DeadLetterHeaders;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile records on news.raw, written there byte for byte past any producer-side checks, through the
 * real enricher and store on a real broker: every one ends in news.dlq once, with its reason and where it
 * came from; every good article around them, and after them, ends in news.articles; nothing else
 * appears anywhere (conservation).
 */
@KafkaTest
class HostileRecordsIT {
    private static final int MAX_TEXT_CHARS = 200_000;
    private static final int MAX_RESULT_BYTES = 50_000;
    private static final int TEN_MB = 10 * 1024 * 1024;
    /** Two- three- and four-byte UTF-8 (a surrogate pair in Java). */
    private static final String UNICODE_BODY = "S\u00e3o Paulo and \u6771\u4eac (Tokyo) \ud83c\udf0f: Brazil and Japan cooperate.";

    /** A record to put on news.raw as is. */
    private record Raw(byte[] key, byte[] value) {
        String keyText() {
            return new String(key, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, Raw> good = new LinkedHashMap<>();
    /** Hostile records by key, with a fragment of the reason their dead letter must give. */
    private final Map<String, Raw> hostile = new LinkedHashMap<>();
    private final Map<String, String> reasons = new HashMap<>();

    @Test
    void everyHostileRecordIsDeadLetteredWithItsReasonAndTheGoodOnesAroundAndAfterAreStored(
            KafkaTestCluster cluster, @TempDir Path state) throws Exception {
        List<Raw> interleaved = interleave(goodArticles(), hostileRecords());
        assertThat(hostile).hasSizeGreaterThanOrEqualTo(30);

        ConfigInput config = ConfigInput.of(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                EnrichConfig.STATE_DIR, state.toString(),
                EnrichConfig.MAX_BODY_CHARS, Integer.toString(MAX_TEXT_CHARS),
                EnrichConfig.MAX_RESULT_BYTES, Integer.toString(MAX_RESULT_BYTES),
                StoreConfig.TRANSACTIONAL_ID, "pactwire-store-hostile-it"));
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        try (EnricherApp enricher = new EnricherApp(new EnrichConfig(config), Tagger.standard());
             ArticleStore store = new ArticleStore(new StoreConfig(config));
             KafkaProducer<byte[], byte[]> producer = rawProducer(cluster)) {
            enricher.start();
            store.start();

            Map<String, RecordMetadata> written = publish(producer, interleaved);
            RecordReader<byte[], byte[]> dlq = new RecordReader<>(cluster, Topics.DEAD_LETTERS.name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            dlq.readUntil(r -> keysOf(r).containsAll(hostile.keySet()), Duration.ofSeconds(60));

            // the pipeline goes on after all of them
            Map<String, Raw> after = new LinkedHashMap<>();
            for (int i = 1; i <= 3; i++) {
                String id = "good-after-" + i;
                after.put(id, new Raw(json(id), article(RawArticle.of(id, "After the storm " + i,
                        "Japan and Chile signed a memorandum of understanding on fisheries, round " + i + "."))));
            }
            good.putAll(after);
            written.putAll(publish(producer, List.copyOf(after.values())));

            Conservation.Snapshot snapshot = Conservation.of(cluster).await(Duration.ofSeconds(90));
            assertThat(snapshot.deadLettered()).isEqualTo(hostile.keySet());
            assertThat(snapshot.articles()).isEqualTo(good.keySet());

            Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = dlq.readToEnd(Duration.ofSeconds(30)).stream()
                    .collect(Collectors.groupingBy(r -> new String(r.key(), StandardCharsets.UTF_8)));
            assertThat(byKey.keySet()).isEqualTo(hostile.keySet());
            hostile.forEach((key, sent) -> {
                assertThat(byKey.get(key)).as("dead letters of " + key).hasSize(1);
                ConsumerRecord<byte[], byte[]> letter = byKey.get(key).get(0);
                assertThat(letter.key()).as("original key of " + key).isEqualTo(sent.key());
                assertThat(letter.value()).as("original value of " + key).isEqualTo(sent.value());
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.MESSAGE)).as("reason for " + key)
                        .contains(reasons.get(key));
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.EXCEPTION)).as("exception of " + key)
                        .isNotBlank();
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.TOPIC)).isEqualTo(Topics.RAW.name());
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.PARTITION)).as("partition of " + key)
                        .isEqualTo(Integer.toString(written.get(key).partition()));
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.OFFSET)).as("offset of " + key)
                        .isEqualTo(Long.toString(written.get(key).offset()));
            });

            Map<String, EnrichedArticle> articles = RecordReader.latestByKey(new RecordReader<>(cluster,
                    Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer())
                    .readToEnd(Duration.ofSeconds(30)));
            assertThat(articles.keySet()).isEqualTo(good.keySet());
            articles.forEach((id, article) -> assertThat(article.id()).isEqualTo(id));
            // the text arrived intact: the content hash is that of the title and body as written
            assertThat(articles.get("good-bom").contentHash())
                    .isEqualTo(ContentHash.of("BOM", "A byte order mark before the JSON text is ignored."));
            assertThat(articles.get("good-unicode").contentHash()).isEqualTo(ContentHash.of("Br\u00e9sil", UNICODE_BODY));
            assertThat(articles.get("good-unicode").countries()).extracting(CountryTag::code).contains("BR", "JP");
            assertThat(articles.get("good-extra-fields").title()).isEqualTo("Unknown fields");
            assertThat(articles.get("good-after-3").countries()).extracting(CountryTag::code).contains("JP", "CL");

            assertThat(enricher.awaitRunning(Duration.ofSeconds(30))).as("the enricher is running").isTrue();
            assertThat(EnricherMetrics.value(enricher, "thread-replacements-total")).isZero();
        }
    }

    private List<Raw> goodArticles() {
        List<Raw> records = new ArrayList<>();
        records.add(good("good-1", article(RawArticle.of("good-1", "Luxembourg and China sign MoU",
                "Luxembourg and China signed a memorandum of understanding on space resources."))));
        records.add(good("good-2", article(RawArticle.of("good-2", "Chile", "Chile and Peru signed a trade agreement."))));
        records.add(good("good-unicode", json("{\"id\":\"good-unicode\",\"title\":\"Br\u00e9sil\",\"body\":\""
                + UNICODE_BODY + "\"}")));
        // unknown fields are skipped, whatever their shape: newer producers must not break the enricher
        records.add(good("good-extra-fields", json("{\"id\":\"good-extra-fields\",\"title\":\"Unknown fields\","
                + "\"body\":\"Portugal and Spain agreed.\",\"futureField\":{\"nested\":[1,2,{\"x\":null}]},\"tags\":[\"a\"],"
                + "\"score\":1.5e10,\"flag\":true}")));
        // RFC 8259 lets a reader ignore a byte order mark, and Jackson does: the article is read as if it had none
        records.add(good("good-bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                json("{\"id\":\"good-bom\",\"title\":\"BOM\",\"body\":\"A byte order mark before the JSON text is ignored.\"}"))));
        // tabs, line breaks and form feeds are text; DEL and C1 controls come from text decoded with the wrong charset
        records.add(good("good-whitespace-controls", json("{\"id\":\"good-whitespace-controls\",\"title\":\"t\","
                + "\"body\":\"Line one\\tcol\\r\\nLine two\\fpage \\u007f\\u0085 Greece.\"}")));
        String longestId = "good-longest-id-" + "x".repeat(RawArticle.MAX_ID_CHARS - 16);
        records.add(good(longestId, article(RawArticle.of(longestId, "Longest id", "An id of exactly 512 characters."))));
        return records;
    }

    private List<Raw> hostileRecords() {
        List<Raw> records = new ArrayList<>();
        // not a JSON object
        records.add(bad("not-json", json("{this is not json"), "not valid JSON at line 1, column 2"));
        records.add(bad("truncated-json", json("{\"id\":\"hostile-truncated-json\",\"body\":\"Luxem"),
                "field 'body': Unexpected end-of-input"));
        records.add(bad("json-array", json("[1,2,3]"), "from Array value"));
        records.add(bad("json-string", json("\"an article\""), "from String value"));
        records.add(bad("json-number", json("42"), "from Number value (42)"));
        records.add(bad("json-true", json("true"), "from boolean value (true)"));
        records.add(bad("json-null", json("null"), "the value is the JSON literal null"));
        records.add(bad("empty-bytes", new byte[0], "No content to map due to end-of-input"));
        records.add(bad("whitespace-only", json(" \n\t\r "), "No content to map due to end-of-input"));
        records.add(bad("trailing-tokens", json("{\"id\":\"hostile-trailing-tokens\",\"body\":\"b\"} {}"), "Trailing token"));
        records.add(bad("comment", json("{\"id\":\"hostile-comment\",/* c */\"body\":\"b\"}"),
                "maybe a (non-standard) comment"));
        records.add(bad("single-quotes", json("{'id':'hostile-single-quotes','body':'b'}"),
                "was expecting double-quote to start field name"));
        records.add(bad("nan", json("{\"id\":\"hostile-nan\",\"body\":\"b\",\"revision\":NaN}"), "Non-standard token 'NaN'"));
        // wrong types
        records.add(bad("id-number", json("{\"id\":42,\"body\":\"b\"}"), "field 'id': Cannot coerce Integer value (42)"));
        records.add(bad("id-object", json("{\"id\":{\"value\":\"hostile-id-object\"},\"body\":\"b\"}"),
                "field 'id': Cannot deserialize value of type `java.lang.String` from Object value"));
        records.add(bad("id-array", json("{\"id\":[\"hostile-id-array\"],\"body\":\"b\"}"),
                "field 'id': Cannot deserialize value of type `java.lang.String` from Array value"));
        records.add(bad("title-number", json("{\"id\":\"hostile-title-number\",\"title\":7,\"body\":\"b\"}"),
                "field 'title': Cannot coerce Integer value (7)"));
        records.add(bad("title-object", json("{\"id\":\"hostile-title-object\",\"title\":{},\"body\":\"b\"}"),
                "field 'title': Cannot deserialize value of type `java.lang.String` from Object value"));
        records.add(bad("body-array", json("{\"id\":\"hostile-body-array\",\"body\":[\"b\"]}"),
                "field 'body': Cannot deserialize value of type `java.lang.String` from Array value"));
        records.add(bad("body-boolean", json("{\"id\":\"hostile-body-boolean\",\"body\":false}"),
                "field 'body': Cannot coerce Boolean value (false)"));
        records.add(bad("revision-string", json("{\"id\":\"hostile-revision-string\",\"body\":\"b\",\"revision\":\"2\"}"),
                "field 'revision': Cannot coerce String value"));
        records.add(bad("revision-float", json("{\"id\":\"hostile-revision-float\",\"body\":\"b\",\"revision\":1.5}"),
                "field 'revision': Cannot coerce Floating-point value (1.5)"));
        records.add(bad("content-hash-number", json("{\"id\":\"hostile-content-hash-number\",\"body\":\"b\",\"contentHash\":5}"),
                "field 'contentHash': Cannot coerce Integer value (5)"));
        // numbers out of range
        records.add(bad("revision-over-int", json("{\"id\":\"hostile-revision-over-int\",\"body\":\"b\",\"revision\":2147483648}"),
                "field 'revision': Numeric value (2147483648) out of range of int"));
        records.add(bad("number-5000-digits", json("{\"id\":\"hostile-number-5000-digits\",\"body\":\"b\",\"extra\":"
                + "9".repeat(5000) + "}"), "Number value length (5000) exceeds the maximum allowed (1000"));
        // a revision that would pin news.articles for ever and overflow the next one (issue 16)
        records.add(bad("revision-int-max", json("{\"id\":\"hostile-revision-int-max\",\"body\":\"b\",\"revision\":2147483647}"),
                "field 'revision': must be at most 1000000 (RawArticle.MAX_REVISION), got 2147483647"));
        records.add(bad("negative-revision", json("{\"id\":\"hostile-negative-revision\",\"body\":\"b\",\"revision\":-1}"),
                "field 'revision': must be positive, got -1"));
        // missing, empty or blank required fields; bad values
        records.add(bad("missing-id", json("{\"title\":\"t\",\"body\":\"b\"}"), "field 'id': must not be blank"));
        records.add(bad("null-id", json("{\"id\":null,\"body\":\"b\"}"), "field 'id': must not be blank"));
        records.add(bad("empty-id", json("{\"id\":\"\",\"body\":\"b\"}"), "field 'id': must not be blank"));
        records.add(bad("blank-id", json("{\"id\":\" \\t \",\"body\":\"b\"}"), "field 'id': must not be blank"));
        records.add(bad("missing-body", json("{\"id\":\"hostile-missing-body\",\"title\":\"t\"}"), "field 'body': must not be blank"));
        records.add(bad("empty-body", json("{\"id\":\"hostile-empty-body\",\"body\":\"\"}"), "field 'body': must not be blank"));
        records.add(bad("whitespace-body", json("{\"id\":\"hostile-whitespace-body\",\"body\":\" \\n\\t\\u2003 \"}"),
                "field 'body': must not be blank"));
        records.add(bad("bad-published-at", json("{\"id\":\"hostile-bad-published-at\",\"body\":\"b\",\"publishedAt\":\"yesterday\"}"),
                "field 'publishedAt': must be an ISO-8601 date or date-time, got \"yesterday\""));
        records.add(bad("bad-ingested-at", json("{\"id\":\"hostile-bad-ingested-at\",\"body\":\"b\",\"ingestedAt\":\"noon\"}"),
                "field 'ingestedAt'"));
        // ambiguous JSON: duplicate field names
        records.add(bad("duplicate-id", json("{\"id\":\"hostile-duplicate-id\",\"id\":\"someone-else\",\"body\":\"b\"}"),
                "Duplicate field 'id'"));
        records.add(bad("duplicate-body", json("{\"id\":\"hostile-duplicate-body\",\"body\":\"Peace.\",\"body\":\"War.\"}"),
                "Duplicate field 'body'"));
        // control characters, surrogates and noncharacters
        records.add(bad("nul-in-body", json("{\"id\":\"hostile-nul-in-body\",\"body\":\"one\\u0000two\"}"),
                "field 'body': must not contain the control character U+0000 (at index 3)"));
        records.add(bad("ctrl-in-body", json("{\"id\":\"hostile-ctrl-in-body\",\"body\":\"one\\u0001two\"}"),
                "field 'body': must not contain the control character U+0001 (at index 3)"));
        records.add(bad("escape-in-title", json("{\"id\":\"hostile-escape-in-title\",\"title\":\"\\u001b[31mred\",\"body\":\"b\"}"),
                "field 'title': must not contain the control character U+001B (at index 0)"));
        records.add(bad("unescaped-ctrl-in-body", json("{\"id\":\"hostile-unescaped-ctrl-in-body\",\"body\":\"one\u0001two\"}"),
                "Illegal unquoted character ((CTRL-CHAR, code 1))"));
        records.add(bad("fffe-in-body", json("{\"id\":\"hostile-fffe-in-body\",\"body\":\"one\\ufffetwo\"}"),
                "field 'body': must not contain the noncharacter U+FFFE (at index 3)"));
        records.add(bad("lone-high-surrogate", json("{\"id\":\"hostile-lone-high-surrogate\",\"body\":\"one\\ud800two\"}"),
                "field 'body': must not contain the unpaired surrogate U+D800 (at index 3)"));
        records.add(bad("lone-low-surrogate", json("{\"id\":\"hostile-lone-low-surrogate\",\"body\":\"b\",\"dateline\":\"\\udc00\"}"),
                "field 'dateline': must not contain the unpaired surrogate U+DC00 (at index 0)"));
        // keys that equal their value's id, so that only the id's own rules refuse them
        records.add(badKeyed(json("hostile-id-with-bell\u0007"), json("{\"id\":\"hostile-id-with-bell\\u0007\",\"body\":\"b\"}"),
                "field 'id': must not contain the control character U+0007 (at index 20)"));
        records.add(badKeyed(json("hostile-id-with\nnewline"), json("{\"id\":\"hostile-id-with\\nnewline\",\"body\":\"b\"}"),
                "field 'id': must not contain the control character U+000A (at index 15)"));
        String longId = "hostile-long-id-" + "x".repeat(RawArticle.MAX_ID_CHARS);
        records.add(badKeyed(json(longId), json("{\"id\":\"" + longId + "\",\"body\":\"b\"}"),
                "field 'id': has 528 characters, over the limit of 512"));
        // not UTF-8
        byte[] latin1 = json("{\"id\":\"hostile-latin-1\",\"body\":\"caf");
        records.add(bad("latin-1", concat(latin1, new byte[] {(byte) 0xE9}, json("\"}")),
                "not valid UTF-8 at byte " + latin1.length + ": a sequence cut short (lead byte 0xE9)"));
        // Jackson alone reads C0 AF as '/' and E0 80 A2 as '"'
        byte[] slash = json("{\"id\":\"hostile-overlong-slash\",\"body\":\"a");
        records.add(bad("overlong-slash", concat(slash, new byte[] {(byte) 0xC0, (byte) 0xAF}, json("b\"}")),
                "not valid UTF-8 at byte " + slash.length + ": an overlong encoding (lead byte 0xC0)"));
        byte[] quote = json("{\"id\":\"hostile-overlong-quote\",\"body\":\"a");
        records.add(bad("overlong-quote", concat(quote, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xA2}, json("b\"}")),
                "not valid UTF-8 at byte " + quote.length + ": an overlong encoding of U+0022"));
        byte[] surrogate = json("{\"id\":\"hostile-encoded-surrogate\",\"body\":\"a");
        records.add(bad("encoded-surrogate", concat(surrogate, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, json("\"}")),
                "not valid UTF-8 at byte " + surrogate.length + ": an encoded surrogate U+D800"));
        records.add(bad("five-byte-form", concat(json("{\"id\":\"hostile-five-byte-form\",\"body\":\""),
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, json("\"}")),
                "the byte 0xF8, which UTF-8 never uses"));
        records.add(bad("utf-16", "{\"id\":\"hostile-utf-16\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_16),
                "not valid UTF-8 at byte 0: the byte 0xFE, which UTF-8 never uses"));
        records.add(bad("utf-16le", "{\"id\":\"hostile-utf-16le\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_16LE),
                "not valid UTF-8 at byte 1: a NUL byte (is the text UTF-16 or UTF-32?)"));
        records.add(bad("utf-32", "{\"id\":\"hostile-utf-32\",\"body\":\"b\"}".getBytes(Charset.forName("UTF-32")),
                "not valid UTF-8 at byte 0: a NUL byte"));
        // too deep, too long
        records.add(bad("deep-arrays", json("{\"id\":\"hostile-deep-arrays\",\"body\":\"b\",\"extra\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}"), "nesting depth (1001) exceeds the maximum allowed (1000"));
        records.add(bad("deep-objects", json("{\"id\":\"hostile-deep-objects\",\"body\":\"b\",\"extra\":"
                + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}"), "nesting depth (1001) exceeds the maximum allowed (1000"));
        records.add(bad("long-field-name", json("{\"id\":\"hostile-long-field-name\",\"body\":\"b\",\"" + "n".repeat(60_000) + "\":1}"),
                "Name length (60000) exceeds the maximum allowed (50000"));
        records.add(bad("huge-body", article(RawArticle.of("hostile-huge-body", "t", "Japan and China. ".repeat(20_000))),
                "body has 340000 characters, over the limit of 200000 (enrich.max.body.chars)"));
        records.add(bad("ten-mb-body", json("{\"id\":\"hostile-ten-mb-body\",\"body\":\"" + "a".repeat(TEN_MB) + "\"}"),
                "body has " + TEN_MB + " characters, over the limit of 200000 (enrich.max.body.chars)"));
        // the title is stripped of its last space, the body adds one character
        records.add(bad("ten-mb-title", json("{\"id\":\"hostile-ten-mb-title\",\"title\":\"" + "Japan ".repeat(TEN_MB / 6)
                + "\",\"body\":\"b\"}"), "title, dateline and body have " + (TEN_MB / 6 * 6)
                + " characters, over the limit of 200000 (enrich.max.body.chars)"));
        records.add(bad("result-too-large", article(RawArticle.of("hostile-result-too-large", "t", "Japan ".repeat(5_000))),
                "over the limit of " + MAX_RESULT_BYTES + " (enrich.max.result.bytes"));
        // keys
        records.add(bad("key-value-mismatch", article(RawArticle.of("someone-else", "t", "Body of another article.")),
                "key 'hostile-key-value-mismatch' does not match the value's id 'someone-else'"));
        // Streams reads keys with Kafka's lenient StringDeserializer: the key arrives as "h\uFFFD\uFFFDk"
        records.add(badKeyed(new byte[] {'h', (byte) 0xFF, (byte) 0xFE, 'k'}, article(RawArticle.of("hostile-key-not-utf8", "t", "b")),
                "The key of a record of topic 'news.raw' is not valid UTF-8 (4 bytes)"));
        return records;
    }

    private Raw good(String id, byte[] value) {
        Raw raw = new Raw(id.getBytes(StandardCharsets.UTF_8), value);
        good.put(id, raw);
        return raw;
    }

    /** A hostile record keyed "hostile-" + kind. */
    private Raw bad(String kind, byte[] value, String reason) {
        return badKeyed(json("hostile-" + kind), value, reason);
    }

    /** A hostile record with the key given, byte for byte. */
    private Raw badKeyed(byte[] key, byte[] value, String reason) {
        Raw raw = new Raw(key, value);
        assertThat(hostile.put(raw.keyText(), raw)).as("kinds have distinct keys: " + raw.keyText()).isNull();
        reasons.put(raw.keyText(), reason);
        return raw;
    }

    /** Good and hostile records alternating, the rest of the longer list at the end. */
    private static List<Raw> interleave(List<Raw> goodOnes, List<Raw> hostileOnes) {
        List<Raw> all = new ArrayList<>();
        int step = Math.max(1, hostileOnes.size() / goodOnes.size());
        int g = 0;
        for (int h = 0; h < hostileOnes.size(); h++) {
            if (h % step == 0 && g < goodOnes.size()) {
                all.add(goodOnes.get(g++));
            }
            all.add(hostileOnes.get(h));
        }
        all.addAll(goodOnes.subList(g, goodOnes.size()));
        return all;
    }

    /** A raw producer as a careless or hostile client would use it: bytes in, no checks; idempotent. */
    private static KafkaProducer<byte[], byte[]> rawProducer(KafkaTestCluster cluster) {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // news.raw takes records up to 16 MiB; the 10 MB ones must reach it for the test to mean anything
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Publishes in order and waits for every acknowledgement; returns where each record was written, by key. */
    private static Map<String, RecordMetadata> publish(KafkaProducer<byte[], byte[]> producer, List<Raw> records)
            throws Exception {
        Map<String, Future<RecordMetadata>> sends = new LinkedHashMap<>();
        for (Raw raw : records) {
            sends.put(raw.keyText(), producer.send(new ProducerRecord<>(Topics.RAW.name(), raw.key(), raw.value())));
        }
        Map<String, RecordMetadata> written = new HashMap<>();
        for (Map.Entry<String, Future<RecordMetadata>> send : sends.entrySet()) {
            written.put(send.getKey(), send.getValue().get());
        }
        return written;
    }

    private static Set<String> keysOf(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }

    private static byte[] article(RawArticle article) {
        return Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), article);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
