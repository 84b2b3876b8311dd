package io.pactwire.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of every flag: a number and a unit ({@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 12h}, {@code 7d}, {@code 2w}), or ISO-8601 ({@code PT5M}, {@code P7D}).
 */
final class Durations implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})(ms|s|m|h|d|w)");
    static final String SYNTAX = "30s, 5m, 12h, 7d or ISO-8601 such as PT5M";

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /**
     * @throws CommandLine.TypeConversionException naming the text and the syntax, when it is not a duration
     */
    static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (" + SYNTAX + ")");
        }
    }
}
