package io.pactwire.cli;

import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code pactwire} command. */
@Command(name = "pactwire", mixinStandardHelpOptions = true, versionProvider = Pactwire.Version.class,
        description = "Pactwire: news articles to Kafka, enriched with the countries and agreements they report.",
        subcommands = {DemoCommand.class, IngestCommand.class, ExtractCommand.class, EnrichCommand.class,
                StoreCommand.class, TopicsCommand.class, TagCommand.class, ArticlesCommand.class,
                RetractCommand.class, ReplayCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Pactwire {
    /** Exit code for invalid settings or arguments, as for picocli's usage errors. */
    static final int EXIT_USAGE = 2;
    /** The flag every command takes to show an error's stack trace. */
    static final String VERBOSE = "--verbose";

    public static void main(String[] args) {
        // checked before anything logs: logging reads the format when it starts
        java.util.Optional<String> logFormat = LogFormat.problem(System.getProperties(), System.getenv());
        if (logFormat.isPresent()) {
            System.err.println("pactwire: " + logFormat.get());
            System.exit(EXIT_USAGE);
        }
        ResourceReport.installIfAsked();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Pactwire());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(Duration.class, new Durations());
        commandLine.registerConverter(LocalDate.class, Pactwire::date);
        commandLine.getSubcommands().values().forEach(Pactwire::conventions);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            String name = cmd.getCommandSpec().qualifiedName();
            boolean verbose = cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption(VERBOSE);
            int exit;
            if (exception instanceof ConfigException) {
                err.println(name + ": " + exception.getMessage());
                exit = EXIT_USAGE;
            } else {
                err.println(name + ": " + explained(exception)
                        + (verbose ? "" : " (" + VERBOSE + " shows the stack trace)"));
                exit = 1;
            }
            if (verbose) {
                exception.printStackTrace(err);
            }
            return exit;
        });
        return commandLine;
    }

    /**
     * What every command takes, as Kafka's own tools do: {@code -h, --help}, and {@code --verbose} for the stack
     * trace of an error (never shown otherwise: a usage or environment problem is one line).
     */
    private static void conventions(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        reflow(spec.usageMessage());
        if (spec.findOption("--help") == null && !spec.name().equals("help")) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        if (spec.findOption(VERBOSE) == null && !spec.name().equals("help")) {
            spec.addOption(CommandLine.Model.OptionSpec.builder(VERBOSE).type(boolean.class)
                    .description("Show the stack trace of an error.").build());
        }
        command.getSubcommands().values().forEach(Pactwire::conventions);
    }

    /**
     * One paragraph for a command's description, wrapped once by picocli to the terminal's width (the source
     * splits it into lines that picocli would otherwise wrap again), its first sentence as the header that the
     * command list shows.
     */
    private static void reflow(CommandLine.Model.UsageMessageSpec usage) {
        String text = String.join(" ", usage.description()).replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return;
        }
        if (usage.header().length > 0) {
            usage.description(text);
            return;
        }
        // the header is printed above the synopsis and the description below it: each sentence once
        int end = text.indexOf(". ");
        usage.header(end < 0 ? text : text.substring(0, end + 1));
        usage.description(end < 0 ? new String[0] : new String[] {text.substring(end + 2)});
    }

    /** The failure in one line: its message, and the innermost cause's when it says more. */
    static String explained(Exception exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        if (root != exception && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ": " + root.getMessage();
        }
        return message;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date (yyyy-mm-dd, e.g. 2018-01-16)");
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Pactwire.class.getPackage().getImplementationVersion();
            return new String[] {"pactwire " + (version == null ? "(development build)" : version)};
        }
    }
}
