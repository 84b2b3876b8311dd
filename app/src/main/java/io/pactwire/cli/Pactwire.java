package io.pactwire.cli;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code pactwire} command. */
@Command(name = "pactwire", mixinStandardHelpOptions = true, versionProvider = Pactwire.Version.class,
        description = "Pactwire: news articles to Kafka, enriched with the countries and agreements they report.",
        subcommands = {DemoCommand.class, IngestCommand.class, ExtractCommand.class, EnrichCommand.class,
                StoreCommand.class, TopicsCommand.class, TagCommand.class, EvalCommand.class, ArticlesCommand.class,
                RetractCommand.class, ReplayCommand.class, CommandLine.HelpCommand.class})
public final class Pactwire {
    /** Exit code for invalid settings or arguments, as for picocli's usage errors. */
    static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        ResourceReport.installIfAsked();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Pactwire());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            String name = cmd.getCommandSpec().qualifiedName();
            if (exception instanceof ConfigException) {
                err.println(name + ": " + exception.getMessage());
                return EXIT_USAGE;
            }
            if (exception instanceof KafkaException) {
                err.println(name + ": " + exception.getMessage()
                        + (exception.getCause() == null ? "" : " (" + exception.getCause() + ")"));
                return 1;
            }
            err.println(name + ": " + exception);
            exception.printStackTrace(err);
            return 1;
        });
        return commandLine;
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
