package io.pactwire.cli;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The log format, {@code text} (one readable line per event, the default) or {@code json} (one JSON object per
 * line, for log collectors), from the system property {@code pactwire.log.format} or else the variable
 * {@code PACTWIRE_LOG_FORMAT}. It is read by logging itself, before any configuration: logback.xml gives it to
 * this {@link Encoder}, which encodes with logback's own {@link JsonEncoder} or a {@link PatternLayoutEncoder}.
 * {@link Pactwire#main} checks the value before anything logs.
 */
public final class LogFormat extends EncoderBase<ILoggingEvent> {
    static final String PROPERTY = "pactwire.log.format";
    static final String VARIABLE = "PACTWIRE_LOG_FORMAT";
    static final String TEXT = "text";
    static final String JSON = "json";

    private String format = TEXT;
    private String pattern;
    private EncoderBase<ILoggingEvent> delegate;

    /** Why the format the process was given is not one, if it is not. */
    static Optional<String> problem(Properties properties, Map<String, String> environment) {
        String value = chosen(properties, environment);
        if (value.equals(TEXT) || value.equals(JSON)) {
            return Optional.empty();
        }
        String source = properties.getProperty(PROPERTY) != null ? "-D" + PROPERTY : VARIABLE;
        return Optional.of(source + " is '" + value + "': the log format is " + TEXT + " (the default) or " + JSON);
    }

    /** True when the process logs JSON lines. */
    static boolean json() {
        return chosen(System.getProperties(), System.getenv()).equals(JSON);
    }

    private static String chosen(Properties properties, Map<String, String> environment) {
        String value = properties.getProperty(PROPERTY, environment.getOrDefault(VARIABLE, ""));
        return value.isBlank() ? TEXT : value.strip().toLowerCase(Locale.ROOT);
    }

    public void setFormat(String format) {
        this.format = format == null || format.isBlank() ? TEXT : format.strip().toLowerCase(Locale.ROOT);
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if (format.equals(JSON)) {
            JsonEncoder json = new JsonEncoder();
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            delegate = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
