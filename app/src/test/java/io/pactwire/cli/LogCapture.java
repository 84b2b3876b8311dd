package io.pactwire.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a test's code logs (every logger, Kafka's at INFO so that its config dumps are in) and
 * prints on System.out and System.err, for assertions on what must never be written. Still echoes the
 * console streams. Close to restore.
 */
final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger kafka = (Logger) LoggerFactory.getLogger("org.apache.kafka");
    private final Level kafkaLevel = kafka.getLevel();
    private final Logger pactwire = (Logger) LoggerFactory.getLogger("io.pactwire");
    private final Level pactwireLevel = pactwire.getLevel();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    LogCapture() {
        appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        appender.start();
        root.addAppender(appender);
        kafka.setLevel(Level.INFO);
        // every line of Pactwire's own too, whatever an earlier test in this JVM set (the demo quiets it)
        pactwire.setLevel(Level.DEBUG);
        System.setOut(new PrintStream(new Tee(originalOut, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, console), true, StandardCharsets.UTF_8));
    }

    /** Every log line (message and stack trace) and everything printed so far. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (appender) {
            for (ILoggingEvent event : List.copyOf(appender.list)) {
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        }
        synchronized (console) {
            lines.addAll(List.of(console.toString(StandardCharsets.UTF_8).split("\n")));
        }
        return lines;
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        kafka.setLevel(kafkaLevel);
        pactwire.setLevel(pactwireLevel);
        root.detachAppender(appender);
        appender.stop();
    }

    /** Writes to the console and to the captured bytes. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                console.write(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
