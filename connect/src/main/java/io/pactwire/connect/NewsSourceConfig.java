package io.pactwire.connect;

import io.pactwire.ingest.Dates;
import io.pactwire.ingest.Fetcher;
import io.pactwire.ingest.InputReader;
import io.pactwire.ingest.Source;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of {@link NewsSourceConnector}, declared once: typed, defaulted, validated and documented. Which
 * inputs to read (as {@code pactwire ingest} takes them), how often, within which limits, and where to write.
 * {@link #problems} adds what a single setting cannot say (no input at all, a URL that is no http(s) URL, a
 * path or URL list the worker cannot read), so that Connect's validate endpoint reports every problem at once.
 *
 * <p>{@code errors.tolerance} and {@code errors.log.enable} are Connect's own settings, read here as the worker
 * passes them to the connector: they decide what a rejected input does ({@link ErrorPolicy}).
 */
public final class NewsSourceConfig extends AbstractConfig {
    public static final String INPUTS = "inputs";
    public static final String URLS_FILE = "urls.file";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String TOPIC = "topic";
    public static final String MAX_ARTICLE_BYTES = "max.article.bytes";
    public static final String MAX_PAGE_BYTES = "max.page.bytes";
    public static final String ALLOW_PRIVATE_HOSTS = "allow.private.hosts";
    public static final String DATE_ORDER = "date.order";
    public static final String HTTP_TIMEOUT_MS = "http.timeout.ms";
    public static final String FEED_MAX_ITEMS = "feed.max.items";
    public static final String WATCH_SETTLE_MS = "watch.settle.ms";
    public static final String DEAD_LETTER_TOPIC = "errors.deadletterqueue.topic.name";
    /** Connect's own settings (ConnectorConfig), read as given to the connector. */
    public static final String ERRORS_TOLERANCE = "errors.tolerance";
    public static final String ERRORS_LOG_ENABLE = "errors.log.enable";
    /** Set by the connector in each task's config: the inputs of that task, one per line. */
    static final String TASK_INPUTS = "pactwire.task.inputs";
    /** Set by the connector in each task's config: the task's number, for its dead letters. */
    static final String TASK_ID = "pactwire.task.id";

    private static final String USER_AGENT = "Pactwire-connect/0.1";
    private static final Duration HTTP_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int HTTP_MAX_REDIRECTS = 5;
    private static final int MAX_CONCURRENT_FETCHES = 8;
    private static final Duration FEED_TIME_BUDGET = Duration.ofMinutes(5);

    private static final ConfigDef.Validator DATE_ORDERS = (name, value) -> {
        if (value != null && !"DMY".equals(value) && !"MDY".equals(value)) {
            throw new ConfigException(name, value, "must be DMY (day-month-year) or MDY (month-day-year)");
        }
    };

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(INPUTS, ConfigDef.Type.LIST, "", ConfigDef.Importance.HIGH,
                    "Folders, files, and feed and page URLs (comma-separated), as `pactwire ingest` takes them; spread over"
                            + " tasks.max tasks. Paths are paths on the workers.")
            .define(URLS_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "A file on the workers with one feed or page URL per line (blank lines and lines starting with # are"
                            + " ignored), read when the connector starts; its URLs are spread over the tasks with the inputs.")
            .define(POLL_INTERVAL_MS, ConfigDef.Type.LONG, 300_000L, ConfigDef.Range.between(100, 7L * 24 * 3_600_000),
                    ConfigDef.Importance.MEDIUM,
                    "How often each task reads its inputs again, in ms, from the start of one pass to the start of the next;"
                            + " what is new or changed is written, what its offsets say was written is not.")
            .define(TOPIC, ConfigDef.Type.STRING, Topics.RAW.name(), new ConfigDef.NonEmptyString(), ConfigDef.Importance.MEDIUM,
                    "The topic articles are written to.")
            .define(MAX_ARTICLE_BYTES, ConfigDef.Type.LONG, 1024L * 1024, ConfigDef.Range.between(1024, 64L * 1024 * 1024),
                    ConfigDef.Importance.MEDIUM,
                    "Largest article text accepted, in bytes of UTF-8; a larger one is rejected with its reason.")
            .define(MAX_PAGE_BYTES, ConfigDef.Type.LONG, 8L * 1024 * 1024, ConfigDef.Range.between(1024, 256L * 1024 * 1024),
                    ConfigDef.Importance.MEDIUM,
                    "Largest web page, feed or file read, in bytes, markup included; a larger one is rejected.")
            .define(ALLOW_PRIVATE_HOSTS, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                    "Fetch from loopback and private-network addresses (refused by default: a URL in a feed must not reach"
                            + " into the network the workers run in).")
            .define(DATE_ORDER, ConfigDef.Type.STRING, "DMY", DATE_ORDERS, ConfigDef.Importance.LOW,
                    "How an all-numeric date such as 08-10-2025 is read: DMY or MDY.")
            .define(HTTP_TIMEOUT_MS, ConfigDef.Type.LONG, 30_000L, ConfigDef.Range.between(1, 3_600_000),
                    ConfigDef.Importance.LOW, "How long one fetch may take in all, in ms.")
            .define(FEED_MAX_ITEMS, ConfigDef.Type.INT, 1000, ConfigDef.Range.between(1, 1_000_000), ConfigDef.Importance.LOW,
                    "Linked pages of one feed fetched per pass; the items over it are read at the next pass.")
            .define(WATCH_SETTLE_MS, ConfigDef.Type.LONG, 2_000L, ConfigDef.Range.between(0, 3_600_000),
                    ConfigDef.Importance.MEDIUM,
                    "How long a new or changed file of a folder or file input must keep the same size and modification"
                            + " time before it is read, in ms, as ingest.watch.settle.ms: a file caught while it is written is"
                            + " read at a later pass, not written half. 0 reads a file as soon as it is seen.")
            .define(DEAD_LETTER_TOPIC, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "With errors.tolerance=all, the topic a record per rejected input goes to (key: the input, no value,"
                            + " headers __connect.errors.* with the reason); empty: rejections are logged and counted only.");

    public NewsSourceConfig(Map<String, String> props) {
        super(DEFINITION, props);
    }

    /** The inputs as given, in order, without blanks. */
    public List<String> inputs() {
        return getList(INPUTS).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The URL list file, if one is set. */
    public Path urlsFile() {
        String file = getString(URLS_FILE).strip();
        return file.isEmpty() ? null : Path.of(file);
    }

    /** Every input the tasks share: {@link #inputs()}, then the URLs of {@link #urlsFile()}. */
    public List<String> allInputs() {
        List<String> all = new ArrayList<>(inputs());
        Path file = urlsFile();
        if (file != null) {
            try {
                all.addAll(urlsIn(file, getLong(MAX_PAGE_BYTES)));
            } catch (IOException e) {
                throw new ConfigException(URLS_FILE, file.toString(), e.getMessage());
            }
        }
        return all;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public Duration watchSettle() {
        return Duration.ofMillis(getLong(WATCH_SETTLE_MS));
    }

    public String topic() {
        return getString(TOPIC);
    }

    /** The dead-letter topic, or null for none. */
    public String deadLetterTopic() {
        String topic = getString(DEAD_LETTER_TOPIC).strip();
        return topic.isEmpty() ? null : topic;
    }

    /** Ingest's reader with these limits: the same reading, extraction and identity as {@code pactwire ingest}. */
    public InputReader reader(Clock clock) {
        long maxPageBytes = getLong(MAX_PAGE_BYTES);
        Fetcher fetcher = new Fetcher(new Fetcher.Settings(HTTP_CONNECT_TIMEOUT, Duration.ofMillis(getLong(HTTP_TIMEOUT_MS)),
                HTTP_MAX_REDIRECTS, maxPageBytes, getBoolean(ALLOW_PRIVATE_HOSTS), USER_AGENT));
        return new InputReader(getLong(MAX_ARTICLE_BYTES), maxPageBytes, new Dates(Dates.Order.of(getString(DATE_ORDER))),
                fetcher, new InputReader.FeedLimits(MAX_CONCURRENT_FETCHES, FEED_TIME_BUDGET, getInt(FEED_MAX_ITEMS)), clock);
    }

    /**
     * What Connect's validate endpoint reports: each setting's own problems ({@link ConfigDef#validate}), and those
     * of the settings together, each on the setting it concerns.
     */
    public static List<ConfigValue> validate(Map<String, String> props) {
        List<ConfigValue> values = DEFINITION.validate(props);
        Map<String, ConfigValue> byName = new LinkedHashMap<>();
        values.forEach(v -> byName.put(v.name(), v));
        for (Problem problem : problems(props, byName)) {
            byName.get(problem.setting()).addErrorMessage(problem.message());
        }
        return values;
    }

    /** One problem of the settings together. */
    record Problem(String setting, String message) {
    }

    /** The problems of the inputs and the URL list, every one; settings already invalid on their own are skipped. */
    static List<Problem> problems(Map<String, String> props, Map<String, ConfigValue> validated) {
        List<Problem> problems = new ArrayList<>();
        boolean inputsValid = validated.get(INPUTS).errorMessages().isEmpty();
        boolean fileValid = validated.get(URLS_FILE).errorMessages().isEmpty();
        @SuppressWarnings("unchecked")
        List<String> inputs = inputsValid && validated.get(INPUTS).value() != null
                ? ((List<String>) validated.get(INPUTS).value()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        String file = fileValid && validated.get(URLS_FILE).value() != null ? ((String) validated.get(URLS_FILE).value()).strip() : "";
        if (inputsValid && fileValid && inputs.isEmpty() && file.isEmpty()) {
            problems.add(new Problem(INPUTS, "no input: give " + INPUTS + " (folders, files, feed and page URLs) or " + URLS_FILE));
        }
        for (String input : inputs) {
            inputProblem(input).ifPresent(why -> problems.add(new Problem(INPUTS, input + ": " + why)));
        }
        if (!file.isEmpty()) {
            Object max = validated.get(MAX_PAGE_BYTES).errorMessages().isEmpty() ? validated.get(MAX_PAGE_BYTES).value() : null;
            try {
                for (String url : urlsIn(Path.of(file), max instanceof Long limit ? limit : Long.MAX_VALUE)) {
                    inputProblem(url).ifPresent(why -> problems.add(new Problem(URLS_FILE, file + ": " + url + ": " + why)));
                }
            } catch (IOException e) {
                problems.add(new Problem(URLS_FILE, file + ": " + e.getMessage()));
            }
        }
        return problems;
    }

    /** Why an input cannot be read, if it cannot: a URL that is not http(s), or a path that is not there on this worker. */
    static java.util.Optional<String> inputProblem(String input) {
        if (Source.isUrl(input)) {
            try {
                Fetcher.checkedUri(input);
                return java.util.Optional.empty();
            } catch (Fetcher.FetchException e) {
                return java.util.Optional.of(e.getMessage());
            }
        }
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            return java.util.Optional.of("no such file or folder on this worker");
        }
        if (!Files.isReadable(path)) {
            return java.util.Optional.of("not readable by this worker");
        }
        return java.util.Optional.empty();
    }

    /** The URLs of a URL list: one per line, blank lines and lines starting with # ignored, as ingest reads them. */
    static List<String> urlsIn(Path file, long maxBytes) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file on this worker");
        }
        if (Files.size(file) > maxBytes) {
            throw new IOException("over the limit of " + maxBytes + " bytes (" + MAX_PAGE_BYTES + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8 text", e);
        }
        return InputReader.urlLines(text);
    }

    /** What a rejected input does, from Connect's {@code errors.tolerance} and {@code errors.log.enable}. */
    public ErrorPolicy errorPolicy() {
        Map<String, Object> given = originals();
        String tolerance = String.valueOf(given.getOrDefault(ERRORS_TOLERANCE, "none")).strip().toLowerCase(Locale.ROOT);
        boolean log = Boolean.parseBoolean(String.valueOf(given.getOrDefault(ERRORS_LOG_ENABLE, "false")).strip());
        return new ErrorPolicy("all".equals(tolerance), log, deadLetterTopic());
    }

    /**
     * @param tolerateAll     {@code errors.tolerance=all}: a rejected input is reported and the task goes on; else the
     *                        task fails with the reason
     * @param logEach         {@code errors.log.enable}: each rejection is logged at WARN (else at DEBUG; always counted)
     * @param deadLetterTopic where rejections are written, or null
     */
    public record ErrorPolicy(boolean tolerateAll, boolean logEach, String deadLetterTopic) {
    }
}
