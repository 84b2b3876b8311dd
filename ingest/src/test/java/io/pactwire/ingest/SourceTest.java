package io.pactwire.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which kind of source an argument names, decided in one place for ingest, the reader and the Connect source. */
class SourceTest {

    @ParameterizedTest
    @CsvSource({
            "https://example.org/news/a.html",
            "http://127.0.0.1:8080/feed.rss",
            "ftp://example.org/a.txt",
            "file:///var/news/a.txt",
            "mailto:news@example.org",
    })
    void anArgumentWithASchemeIsAUrlWhateverTheScheme(String argument) {
        assertThat(Source.of(argument)).isEqualTo(new Source.Url(argument));
    }

    @ParameterizedTest
    @CsvSource({
            "samples/a.txt",
            "/var/news",
            "C:\\news\\a.txt",
            "C:/news/a.txt",
            "./feed.rss",
    })
    void anArgumentWithoutASchemeOrWithADriveLetterIsALocalPath(String argument) {
        assertThat(Source.of(argument)).isEqualTo(new Source.Local(Path.of(argument)));
    }

    @ParameterizedTest
    @CsvSource({
            "news/world.rss, true",
            "news/world.ATOM, true",
            "news/sitemap.xml, true",
            "news/a.html, false",
            "news/rss, false",
            "news.rss/a.txt, false",
    })
    void aLocalFileNamedAsAFeedIsReadAgainAtEveryPoll(String argument, boolean feed) {
        assertThat(((Source.Local) Source.of(argument)).isFeedFile()).isEqualTo(feed);
    }
}
