package io.pactwire.connect;

import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NewsSourceConfigTest {
    @TempDir
    Path dir;

    @Test
    void reportsEveryProblemAtOnceEachOnItsSetting() throws IOException {
        Path list = Files.writeString(dir.resolve("urls.txt"), "# feeds\nhttps://example.org/feed.xml\n\nftp://example.org/x\n");
        Map<String, String> props = Map.of(
                NewsSourceConfig.INPUTS, dir + "," + dir.resolve("missing") + ",mailto:news@example.org",
                NewsSourceConfig.URLS_FILE, list.toString(),
                NewsSourceConfig.POLL_INTERVAL_MS, "5",
                NewsSourceConfig.DATE_ORDER, "YMD");

        Map<String, List<String>> errors = errors(NewsSourceConfig.validate(props));

        assertThat(errors.get(NewsSourceConfig.INPUTS)).containsExactly(
                dir.resolve("missing") + ": no such file or folder on this worker",
                "mailto:news@example.org: unsupported scheme mailto:; only http and https URLs are fetched");
        assertThat(errors.get(NewsSourceConfig.URLS_FILE)).containsExactly(
                list + ": ftp://example.org/x: unsupported scheme ftp:; only http and https URLs are fetched");
        assertThat(errors.get(NewsSourceConfig.POLL_INTERVAL_MS)).singleElement().asString().contains("at least 100");
        assertThat(errors.get(NewsSourceConfig.DATE_ORDER)).singleElement().asString().contains("must be DMY");
        assertThat(errors.get(NewsSourceConfig.TOPIC)).isEmpty();
    }

    @Test
    void asksForAnInputWhenNoneIsGiven() {
        Map<String, List<String>> errors = errors(NewsSourceConfig.validate(Map.of()));

        assertThat(errors.get(NewsSourceConfig.INPUTS))
                .containsExactly("no input: give inputs (folders, files, feed and page URLs) or urls.file");
    }

    @Test
    void reportsAUrlListTheWorkerCannotRead() {
        Map<String, List<String>> errors = errors(NewsSourceConfig.validate(Map.of(NewsSourceConfig.URLS_FILE,
                dir.resolve("none.txt").toString())));

        assertThat(errors.get(NewsSourceConfig.URLS_FILE)).containsExactly(dir.resolve("none.txt") + ": no such file on this worker");
        assertThat(errors.get(NewsSourceConfig.INPUTS)).isEmpty();
    }

    @Test
    void acceptsFoldersFeedsAndAUrlListAndSharesThemInOrder() throws IOException {
        Path list = Files.writeString(dir.resolve("urls.txt"), "https://example.org/b.xml\n# no\n  http://example.org/c  \n");
        Map<String, String> props = Map.of(NewsSourceConfig.INPUTS, dir + ", https://example.org/a.xml",
                NewsSourceConfig.URLS_FILE, list.toString());

        assertThat(errors(NewsSourceConfig.validate(props)).values()).allSatisfy(e -> assertThat(e).isEmpty());
        NewsSourceConfig config = new NewsSourceConfig(props);
        assertThat(config.allInputs()).containsExactly(dir.toString(), "https://example.org/a.xml", "https://example.org/b.xml",
                "http://example.org/c");
        assertThat(config.topic()).isEqualTo("news.raw");
        assertThat(config.deadLetterTopic()).isNull();
    }

    @Test
    void readsConnectsErrorSettingsForRejections() {
        NewsSourceConfig tolerant = new NewsSourceConfig(Map.of(NewsSourceConfig.INPUTS, dir.toString(),
                NewsSourceConfig.ERRORS_TOLERANCE, "all", NewsSourceConfig.ERRORS_LOG_ENABLE, "true",
                NewsSourceConfig.DEAD_LETTER_TOPIC, "news.dlq"));
        NewsSourceConfig strict = new NewsSourceConfig(Map.of(NewsSourceConfig.INPUTS, dir.toString()));

        assertThat(tolerant.errorPolicy()).isEqualTo(new NewsSourceConfig.ErrorPolicy(true, true, "news.dlq"));
        assertThat(strict.errorPolicy()).isEqualTo(new NewsSourceConfig.ErrorPolicy(false, false, null));
    }

    private static Map<String, List<String>> errors(List<ConfigValue> values) {
        Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
        values.forEach(v -> errors.put(v.name(), v.errorMessages()));
        return errors;
    }
}
