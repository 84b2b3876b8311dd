package io.pactwire.cli;

import io.pactwire.serve.ServeConfig;
import io.pactwire.serve.ServeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "serve", description = {
        "Serve the live view of news.agreements and news.articles over HTTP until stopped: a web page (a table",
        "of agreements with filters, each opening its article with the evidence highlighted, and a graph of",
        "who agrees with whom, updated live) and a JSON API (docs/api.md). The topics are kept in local state",
        "(serve.state.dir), so a restart reads only what changed; every instance holds the whole view. SIGTERM",
        "or Ctrl-C stops it (the process then exits 143 or 130); exit code 1 if it stopped on an error."})
final class ServeCommand implements Callable<Integer> {
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (serve.port; default 8080; 0 takes a free port).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        if (port != null) {
            kafka.settings.put(ServeConfig.PORT, Integer.toString(port));
        }
        ServeConfig config = new ServeConfig(kafka.input());
        try (MetricsServer metrics = MetricsServer.start(config)) {
            try (org.apache.kafka.clients.admin.Admin admin =
                         org.apache.kafka.clients.admin.Admin.create(config.adminProperties())) {
                TopicSetup.requireAnswer(admin, config);
            }
            return ServiceRunner.run("serve", new ServeServer(config), config, metrics, CATCH_UP, new ServiceRunner.Hooks<>() {
                @Override
                public void started(ServeServer serve) {
                    ServiceMeters.serve(metrics, serve);
                    System.out.println("Serving on " + address(config.host(), serve.port()) + " (reading the topics...)");
                }

                @Override
                public void ready(ServeServer serve) {
                    System.out.println("Up to date; open " + address(config.host(), serve.port()) + " in a browser.");
                }
            });
        }
    }

    /** The address a browser on this host opens: a wildcard listening address is reached on localhost. */
    static String address(String host, int port) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + shown + ":" + port + "/";
    }
}
