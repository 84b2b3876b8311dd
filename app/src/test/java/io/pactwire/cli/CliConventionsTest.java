package io.pactwire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The conventions every command follows, as Kafka's own tools do; no broker is needed for a usage error. */
class CliConventionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "ingest", "extract", "enrich", "store", "topics", "tag", "articles", "retract", "replay"})
    void everyCommandShowsItsHelpAndExitsZero(String command) {
        CliRun run = CliRun.exec(command, "--help");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: pactwire " + command + " ").contains("-h, --help").contains("--verbose");
    }

    @Test
    void theShippedCliHasNoEvaluationTool() {
        CliRun help = CliRun.exec("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("  tag ").doesNotContain("eval");
        CliRun eval = CliRun.exec("eval");
        assertThat(eval.exit()).isEqualTo(2);
        assertThat(eval.err()).contains("Unmatched argument at index 0: 'eval'");
    }

    @Test
    void theKafkaToolsFlagsAreAccepted() {
        String usage = CliRun.exec("topics", "--help").out();
        assertThat(usage).contains("--bootstrap-server=HOST:PORT").contains("--command-config=FILE");
    }

    @Test
    void anUnknownCountryIsAUsageErrorNamingValidCodes() {
        CliRun run = CliRun.exec("articles", "--country", "XX", "--bootstrap-server", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'XX' is not a country code the tagger gives (ISO 3166-1 alpha-2, such as LU");
    }

    @Test
    void agreementTypesAreCaseInsensitiveAndAnUnknownOneNamesTheValidOnes() {
        CliRun run = CliRun.exec("articles", "--type", "mou", "--bootstrap-server", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("MEMORANDUM_OF_UNDERSTANDING").doesNotContain("Exception");
        CliRun lowerCase = CliRun.exec("articles", "--type", "memorandum_of_understanding", "--help");
        assertThat(lowerCase.exit()).isZero();
    }

    @Test
    void aDateThatIsNotADateSaysTheFormatNotAJavaClass() {
        CliRun run = CliRun.exec("articles", "--since", "yesterday", "--bootstrap-server", "127.0.0.1:1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'yesterday' is not a date (yyyy-mm-dd, e.g. 2018-01-16)").doesNotContain("java.");
    }

    @Test
    void oneDurationSyntaxForEveryFlag() {
        CliRun poll = CliRun.exec("ingest", "--poll", "soon", "x.txt", "--bootstrap-server", "127.0.0.1:1");
        assertThat(poll.exit()).isEqualTo(2);
        assertThat(poll.err()).contains("'soon' is not a duration (30s, 5m, 12h, 7d or ISO-8601 such as PT5M)");
        CliRun from = CliRun.exec("replay", "--from", "yesterday", "--bootstrap-server", "127.0.0.1:1");
        assertThat(from.exit()).as(from.toString()).isEqualTo(2);
        assertThat(from.err()).contains("'yesterday' is not earliest, an ISO-8601 instant");
    }

    @Test
    void aTakenDemoPortIsOneLineAndAUsageErrorNotAStackTrace() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("localhost"))) {
            CliRun run = CliRun.exec("demo", "--samples", "../samples", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("Invalid value for option '--port': " + taken.getLocalPort() + " cannot be used on"
                    + " localhost").doesNotContain("\tat ");
        }
    }

    @Test
    void anErrorIsOneLineUnlessVerboseAsksForTheStackTrace() {
        CliRun quiet = CliRun.exec("tag", "no-such-file.txt");
        assertThat(quiet.err()).doesNotContain("\tat ");
        CliRun failing = CliRun.exec("topics", "--bootstrap-server", "127.0.0.1:1", "--set", "sasl.jaas.config=x",
                "--set", "security.protocol=SASL_PLAINTEXT");
        assertThat(failing.exit()).as(failing.toString()).isEqualTo(2);
        assertThat(failing.err()).contains("a Kafka client cannot be created from the settings given").doesNotContain("\tat ");
    }

    @Test
    void withNoBrokerACommandStopsAfterTheStartupTimeoutWithOneLineNamingTheServers() {
        CliRun run = CliRun.exec("topics", "--bootstrap-server", "127.0.0.1:1", "--set", "startup.timeout.ms=300");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("no Kafka broker answered at 127.0.0.1:1 within 300 ms (startup.timeout.ms)")
                .doesNotContain("\tat ");
    }
}
