package io.pactwire.ingest;

import io.pactwire.ingest.IngestService.Action;
import io.pactwire.ingest.IngestService.Pass;
import io.pactwire.ingest.IngestService.Sources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each pass of a run does with each kind of source, once, with --watch, with --poll and with both. */
class PassesTest {

    @ParameterizedTest(name = "{0} {1}, watch {2}, poll {3}, there {4}: {5}")
    @CsvSource({
            // read once: everything at the first pass, nothing after
            "https://example.org/feed.rss, FIRST,  false, false, false, READ",
            "news/a.txt,                   FIRST,  false, false, true,  READ",
            "news/missing,                 FIRST,  false, false, false, READ",
            // --poll: URLs and feed files again at every full pass, other files only at the first
            "https://example.org/feed.rss, FULL,   false, true,  false, READ",
            "https://example.org/feed.rss, SETTLE, false, true,  false, NONE",
            "news/world.rss,               FULL,   false, true,  true,  READ",
            "news/a.txt,                   FULL,   false, true,  true,  NONE",
            "news,                         FULL,   false, true,  true,  NONE",
            // --watch: local paths watched (settled, new or changed files only), URLs read at the first pass only
            "news,                         FIRST,  true,  false, true,  WATCH",
            "news,                         SETTLE, true,  false, true,  WATCH",
            "news,                         FULL,   true,  false, true,  WATCH",
            "news/world.rss,               FULL,   true,  true,  true,  WATCH",
            "https://example.org/feed.rss, FULL,   true,  false, false, NONE",
            "https://example.org/feed.rss, FULL,   true,  true,  false, READ",
            // --watch of a path not there yet: rejected at the first pass, watched from the next one
            "news/later,                   FIRST,  true,  false, false, READ",
            "news/later,                   SETTLE, true,  false, false, WATCH",
    })
    void eachPassReadsWatchesOrLeavesEachSource(String argument, Pass pass, boolean watch, boolean poll, boolean exists,
                                                Action action) {
        Sources sources = new Sources(List.of(argument), List.of(), null, watch, poll ? Duration.ofMinutes(5) : null);

        assertThat(sources.action(Source.of(argument), pass, exists)).isEqualTo(action);
    }

    @ParameterizedTest(name = "{0}, poll {1}: {2}")
    @CsvSource({
            "FIRST,  false, true",
            "FULL,   false, false",
            "FIRST,  true,  true",
            "FULL,   true,  true",
            "SETTLE, true,  false",
    })
    void urlListsAreReadWhenUrlsAre(Pass pass, boolean poll, boolean read) {
        Sources sources = new Sources(List.of(), List.of(), null, true, poll ? Duration.ofMinutes(5) : null);

        assertThat(sources.readsUrls(pass)).isEqualTo(read);
    }
}
