package io.pactwire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.enrich.Enricher;
import io.pactwire.enrich.LastResult;
import io.pactwire.enrich.LastResultSerde;
import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.JsonSerde;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the enricher spends per article on its own, outside Kafka: the raw record's value read, the
 * article tagged, the result, its agreements and the remembered last result written as bytes; and
 * each part alone. Scores are articles per second per thread, articles taken in turn from the corpus.
 * Run with {@code -prof gc} for bytes allocated per article.
 *
 * <p>The corpus is {@code -Dpactwire.corpus=FILE} (JSON lines; default {@code ../shared/eval/dev.jsonl},
 * the dev set, read from where it is and never copied).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EnrichPathBenchmark {
    private static final LastResultSerde LAST_RESULT = new LastResultSerde();
    private static final JsonSerde<LastResult> LAST_RESULT_JSON = new JsonSerde<>(LastResult.class);

    /** The corpus as news.raw values, and as the results made of them. */
    @State(Scope.Benchmark)
    public static class Records {
        List<byte[]> values;
        List<RawArticle> articles;
        List<EnrichedArticle> results;
        Enricher enricher;
        Tagger tagger;

        @Setup(Level.Trial)
        public void load() {
            Path file = JmhCorpus.file();
            ObjectMapper mapper = new ObjectMapper();
            tagger = Tagger.standard();
            enricher = new Enricher(tagger, Clock.systemUTC());
            values = new ArrayList<>();
            articles = new ArrayList<>();
            results = new ArrayList<>();
            try {
                for (String line : JmhCorpus.lines()) {
                    JsonNode doc = mapper.readTree(line);
                    RawArticle article = new RawArticle(doc.path("id").asText(), file.toUri() + "#line=" + (values.size() + 1), null,
                            doc.path("title").asText(""), doc.path("body").asText(""), doc.path("dateline").asText(null), null,
                            null, null, 1, Instant.now());
                    articles.add(article);
                    values.add(Serdes.RAW_ARTICLE.serialize(Topics.RAW.name(), article));
                    results.add(enricher.enrich(article));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the corpus " + file.toAbsolutePath(), e);
            }
        }
    }

    /** The enricher's whole own path per article. */
    @Benchmark
    public void rawBytesToOutputBytes(Records records, Cursor cursor, Blackhole sink) {
        byte[] value = records.values.get(cursor.take(records.values.size()));
        RawArticle raw = Serdes.RAW_ARTICLE.deserialize(Topics.RAW.name(), value);
        EnrichedArticle result = records.enricher.enrich(raw);
        sink.consume(Serdes.ENRICHED_ARTICLE.serialize(Topics.ENRICHED.name(), result));
        List<String> ids = new ArrayList<>();
        for (AgreementRecord agreement : AgreementRecord.of(result)) {
            ids.add(agreement.agreementId());
            sink.consume(Serdes.AGREEMENT_RECORD.serialize(Topics.AGREEMENTS.name(), agreement));
        }
        sink.consume(LAST_RESULT.serialize("last-results", new LastResult(result.contentHash(), result.versions(), ids)));
    }

    /** The last result as the enricher writes it and reads it back. */
    @Benchmark
    public void writeAndReadLastResult(Records records, Cursor cursor, Blackhole sink) {
        EnrichedArticle result = records.results.get(cursor.take(records.results.size()));
        byte[] value = LAST_RESULT.serialize("last-results", new LastResult(result.contentHash(), result.versions(), List.of()));
        sink.consume(LAST_RESULT.deserialize("last-results", value));
    }

    /** The same in the JSON of earlier releases, for comparison. */
    @Benchmark
    public void writeAndReadLastResultAsJson(Records records, Cursor cursor, Blackhole sink) {
        EnrichedArticle result = records.results.get(cursor.take(records.results.size()));
        byte[] value = LAST_RESULT_JSON.serialize("last-results", new LastResult(result.contentHash(), result.versions(), List.of()));
        sink.consume(LAST_RESULT_JSON.deserialize("last-results", value));
    }

    @Benchmark
    public void readRawValue(Records records, Cursor cursor, Blackhole sink) {
        sink.consume(Serdes.RAW_ARTICLE.deserialize(Topics.RAW.name(), records.values.get(cursor.take(records.values.size()))));
    }

    @Benchmark
    public void tag(Records records, Cursor cursor, Blackhole sink) {
        RawArticle raw = records.articles.get(cursor.take(records.articles.size()));
        sink.consume(records.tagger.tag(new ArticleText(raw.title(), raw.dateline(), raw.body())));
    }

    @Benchmark
    public void writeResult(Records records, Cursor cursor, Blackhole sink) {
        sink.consume(Serdes.ENRICHED_ARTICLE.serialize(Topics.ENRICHED.name(), records.results.get(cursor.take(records.results.size()))));
    }
}
