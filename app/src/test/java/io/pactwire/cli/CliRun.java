package io.pactwire.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One {@code pactwire} command run in the test's JVM against a cluster, with what it printed on stdout and
 * stderr (both also echoed, for the test's log).
 */
record CliRun(int exit, String out, String err) {

    /** Runs {@code args} with {@code --bootstrap-servers} added. */
    static CliRun run(String bootstrapServers, String... args) {
        String[] withCluster = new String[args.length + 2];
        System.arraycopy(args, 0, withCluster, 0, args.length);
        withCluster[args.length] = "--bootstrap-servers";
        withCluster[args.length + 1] = bootstrapServers;
        return exec(withCluster);
    }

    /** Runs {@code args} as given. */
    static CliRun exec(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Pactwire.commandLine().execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        CliRun run = new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        originalOut.print(run.out());
        originalErr.print(run.err());
        return run;
    }

    /** For assertion messages. */
    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
