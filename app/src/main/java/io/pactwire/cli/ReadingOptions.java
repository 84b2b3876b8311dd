package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.ConfigScope;
import io.pactwire.ingest.Dates;
import io.pactwire.ingest.Fetcher;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.InputReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an offline command ({@code tag}, {@code extract}) reads articles: with ingest's reader and only the ingest keys
 * that reading uses (sizes, date order, fetching), from the same file, {@code PACTWIRE_INGEST_*} variables and flags
 * as {@code pactwire ingest}; no cluster, so no {@code bootstrap.servers}.
 */
final class ReadingOptions {
    /** The ingest keys that reading files, pages and feeds uses. */
    static final List<String> KEYS = List.of(IngestConfig.MAX_ARTICLE_BYTES, IngestConfig.MAX_PAGE_BYTES,
            IngestConfig.DATE_ORDER, IngestConfig.ALLOW_PRIVATE_HOSTS, IngestConfig.HTTP_CONNECT_TIMEOUT_MS,
            IngestConfig.HTTP_TIMEOUT_MS, IngestConfig.HTTP_MAX_REDIRECTS, IngestConfig.HTTP_USER_AGENT,
            IngestConfig.HTTP_MAX_CONCURRENT_FETCHES, IngestConfig.FEED_TIME_BUDGET_MS, IngestConfig.FEED_MAX_ITEMS);

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with ingest keys, such as `pactwire ingest` takes; only the reading keys "
                    + "(ingest.max.article.bytes, ingest.max.page.bytes, ingest.date.order, ingest.http.*, ...) are used.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set an ingest key (ingest.date.order, ingest.max.page.bytes, ...); repeatable. Wins over the "
                    + "file and env PACTWIRE_INGEST_*.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The reading keys from the file, {@code environment} and flags, with {@code overrides} on top. */
    ConfigScope settings(Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        flags.putAll(overrides);
        return ConfigScope.of("ingest", IngestConfig.definition(), KEYS,
                ConfigInput.load(Optional.ofNullable(configFile), environment, flags));
    }

    /** Ingest's reader with these settings; {@code fetch} false rejects every URL. */
    static InputReader reader(ConfigScope settings, boolean fetch, Clock clock) {
        long maxPageBytes = settings.getLong(IngestConfig.MAX_PAGE_BYTES);
        Fetcher fetcher = !fetch ? null : new Fetcher(new Fetcher.Settings(
                Duration.ofMillis(settings.getLong(IngestConfig.HTTP_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(settings.getLong(IngestConfig.HTTP_TIMEOUT_MS)), settings.getInt(IngestConfig.HTTP_MAX_REDIRECTS),
                maxPageBytes, settings.getBoolean(IngestConfig.ALLOW_PRIVATE_HOSTS), settings.getString(IngestConfig.HTTP_USER_AGENT)));
        InputReader.FeedLimits feedLimits = new InputReader.FeedLimits(settings.getInt(IngestConfig.HTTP_MAX_CONCURRENT_FETCHES),
                Duration.ofMillis(settings.getLong(IngestConfig.FEED_TIME_BUDGET_MS)), settings.getInt(IngestConfig.FEED_MAX_ITEMS));
        return new InputReader(settings.getLong(IngestConfig.MAX_ARTICLE_BYTES), maxPageBytes,
                new Dates(Dates.Order.of(settings.getString(IngestConfig.DATE_ORDER))), fetcher, feedLimits, clock);
    }
}
