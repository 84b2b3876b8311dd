package io.pactwire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.NewsTagger;
import io.pactwire.tagger.Tags;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Full tagging (countries, datelines, agreements, evidence, parties) against Aho-Corasick matching of
 * the same dictionary alone, over the same articles. One operation is one article, taken in turn from
 * the corpus, so the score is articles per second per thread; MB/s is that times the corpus's mean UTF-8
 * bytes per article, which {@link Corpus} prints. Run with {@code -prof gc}: {@code gc.alloc.rate.norm}
 * is the bytes allocated per article.
 *
 * <p>The corpus is {@code -Dpactwire.corpus=FILE} (JSON lines with title, dateline and body; default
 * {@code ../shared/eval/dev.jsonl}, the dev set, read from where it is and never copied).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TaggingBenchmark {

    /** The articles, loaded once per trial; shared by the threads, which only read it. */
    @State(Scope.Benchmark)
    public static class Corpus {
        List<ArticleText> articles;
        List<String> texts;
        NewsTagger tagger;
        Trie trie;

        @Setup(Level.Trial)
        public void load() {
            Path file = JmhCorpus.file();
            ObjectMapper mapper = new ObjectMapper();
            articles = new ArrayList<>();
            texts = new ArrayList<>();
            long bytes = 0;
            try {
                for (String line : JmhCorpus.lines()) {
                    JsonNode doc = mapper.readTree(line);
                    ArticleText article = new ArticleText(doc.path("title").asText(""), doc.path("dateline").asText(""),
                            doc.path("body").asText(""));
                    articles.add(article);
                    // the same chars for the matcher: the three fields, one after the other
                    String text = article.title() + "\n" + article.dateline() + "\n" + article.body();
                    texts.add(text);
                    bytes += (article.title() + article.dateline() + article.body()).getBytes(StandardCharsets.UTF_8).length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the corpus " + file.toAbsolutePath(), e);
            }
            tagger = NewsTagger.loadBundled();
            trie = Trie.builder().ignoreCase().onlyWholeWords().addKeywords(tagger.dictionary()).build();
            System.out.printf("%n# corpus %s: %d articles, %d bytes, %.1f bytes per article; dictionary %d phrases%n",
                    file, articles.size(), bytes, bytes / (double) articles.size(), tagger.dictionary().size());
        }
    }

    @Benchmark
    public Tags fullTagging(Corpus corpus, Cursor cursor) {
        return corpus.tagger.tag(corpus.articles.get(cursor.take(corpus.articles.size())));
    }

    @Benchmark
    public Collection<Emit> ahoCorasickMatchingOnly(Corpus corpus, Cursor cursor) {
        return corpus.trie.parseText(corpus.texts.get(cursor.take(corpus.texts.size())));
    }
}
