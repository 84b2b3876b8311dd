package io.pactwire.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a fetch is refused, each with its reason; served by a fixture server on 127.0.0.1. */
class FetcherTest {
    private static final long MAX_BYTES = 64 * 1024;
    private FixtureServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Fetcher fetcher(boolean allowPrivateHosts) {
        return new Fetcher(new Fetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(2), 3, MAX_BYTES,
                allowPrivateHosts, "pactwire-test"));
    }

    /**
     * A resolver for tests, never DNS: IP literals are parsed, and {@code name} gets the answers given, one per
     * lookup, the last one for every lookup after; every lookup is counted.
     */
    private static final class TestResolver implements HostPolicy.Resolver {
        private final String name;
        private final List<String> answers;
        private final AtomicInteger lookups = new AtomicInteger();

        TestResolver(String name, String... answers) {
            this.name = name;
            this.answers = List.of(answers);
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equalsIgnoreCase(name)) {
                if (host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                    return new InetAddress[] {InetAddress.getByName(host)}; // a literal: parsed, not looked up
                }
                throw new UnknownHostException(host);
            }
            int lookup = lookups.getAndIncrement();
            return new InetAddress[] {InetAddress.getByName(answers.get(Math.min(lookup, answers.size() - 1)))};
        }
    }

    private static Fetcher fetcher(boolean allowPrivateHosts, HostPolicy.Resolver resolver) {
        return new Fetcher(new Fetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(2), 3, MAX_BYTES,
                allowPrivateHosts, "pactwire-test"), resolver);
    }

    private static String reason(Fetcher fetcher, String url) {
        return assertThatThrownBy(() -> fetcher.fetch(url)).isInstanceOf(Fetcher.FetchException.class)
                .actual().getMessage();
    }

    @Test
    void fetchesAPageFollowingRedirectsToItsFinalAddress() throws Exception {
        server.page("/final", "<html><body><p>Hello</p></body></html>")
                .redirect("/moved", 301, "/final")
                .redirect("/old", 302, server.url("/moved"));
        Fetcher.Response response = fetcher(true).fetch(server.url("/old"));
        assertThat(response.uri().toString()).isEqualTo(server.url("/final"));
        assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Hello");
    }

    @Test
    void refusesLoopbackAddressesUnlessAllowed() {
        server.page("/page", "<p>secret</p>");
        assertThat(reason(fetcher(false), server.url("/page")))
                .startsWith("refused: 127.0.0.1 is a loopback or private-network address")
                .contains("--allow-private-hosts");
        assertThat(server.hits("/page")).as("refused before any request").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://10.1.2.3/", "http://192.168.0.10/admin", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/", "http://localhost/"})
    void refusesPrivateNetworkAddressesWithoutConnecting(String url) {
        assertThat(reason(fetcher(false, new TestResolver("localhost", "127.0.0.1")), url)).startsWith("refused: ").contains("loopback or private-network address");
    }

    /**
     * DNS rebinding: the name answers a public address to the check and 127.0.0.1 to the connection (or the
     * other way round). The name is "localhost" so that a client that resolves names itself (the JDK's) would
     * really reach the fixture server; 203.0.113.10 (TEST-NET-3) is never connected to: the refusal comes from
     * the policy, at the lookup that would have led to a connection.
     */
    @ParameterizedTest(name = "answers {0}, then {1}")
    @org.junit.jupiter.params.provider.CsvSource({"203.0.113.10, 127.0.0.1, 2", "127.0.0.1, 203.0.113.10, 1"})
    void aNameThatRebindsToLoopbackIsRefusedWhateverTheOrderOfLookups(String first, String second, int lookups) {
        server.page("/page", "<p>secret</p>");
        String url = server.url("/page").replace("127.0.0.1", "localhost");
        TestResolver resolver = new TestResolver("localhost", first, second);
        assertThat(reason(fetcher(false, resolver), url))
                .isEqualTo("refused: localhost is a loopback or private-network address (127.0.0.1);"
                        + " use --allow-private-hosts (ingest.allow.private.hosts) to allow it");
        assertThat(server.hits("/page")).as("requests that reached the fixture server").isZero();
        assertThat(resolver.lookups).as("lookups: every one checked, none left to the client").hasValue(lookups);
    }

    @Test
    void decodesAGzipOrDeflateBody() throws Exception {
        String html = "<html><body><p>" + "Luxembourg and Japan signed a memorandum. ".repeat(50) + "</p></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        server.serve("/gzip", 200, "text/html; charset=utf-8", gzip(bytes), Map.of("Content-Encoding", "gzip"))
                .serve("/deflate", 200, "text/html; charset=utf-8", deflate(bytes), Map.of("Content-Encoding", "deflate"));
        assertThat(new String(fetcher(true).fetch(server.url("/gzip")).body(), StandardCharsets.UTF_8)).isEqualTo(html);
        assertThat(new String(fetcher(true).fetch(server.url("/deflate")).body(), StandardCharsets.UTF_8)).isEqualTo(html);
    }

    @Test
    void stopsAGzipBombAtTheLimitOnItsDecodedBytes() throws IOException {
        byte[] bomb = gzip(new byte[16 * 1024 * 1024]); // 16 MiB of zeros in about 16 KB, under the 64 KB limit
        assertThat(bomb.length).isLessThan((int) MAX_BYTES);
        server.serve("/bomb", 200, "text/html", bomb, Map.of("Content-Encoding", "gzip"));
        assertThat(reason(fetcher(true), server.url("/bomb")))
                .isEqualTo("response is larger than 65536 bytes, over the limit of 65536 (ingest.max.page.bytes)");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(bytes);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://example.org/file.html", "file:///etc/passwd", "javascript:alert(1)", "gopher://example.org/"})
    void refusesSchemesOtherThanHttpAndHttps(String url) {
        assertThat(reason(fetcher(true), url)).startsWith("unsupported scheme ").endsWith("; only http and https URLs are fetched");
    }

    @Test
    void reportsClientAndServerErrorsWithTheirStatus() {
        server.serve("/gone", 410, "text/html", "<p>gone</p>".getBytes(StandardCharsets.UTF_8))
                .serve("/broken", 503, "text/html", "<p>down</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(reason(fetcher(true), server.url("/missing"))).isEqualTo("HTTP 404 (client error)");
        assertThat(reason(fetcher(true), server.url("/gone"))).isEqualTo("HTTP 410 (client error)");
        assertThat(reason(fetcher(true), server.url("/broken"))).isEqualTo("HTTP 503 (server error)");
    }

    @Test
    void stopsAtARedirectLoop() {
        server.redirect("/a", 302, "/b").redirect("/b", 301, "/a");
        assertThat(reason(fetcher(true), server.url("/a")))
                .isEqualTo("redirect loop: " + server.url("/a") + " -> " + server.url("/b") + " -> " + server.url("/a"));
    }

    @Test
    void stopsAfterTooManyRedirects() {
        server.redirect("/1", 302, "/2").redirect("/2", 302, "/3").redirect("/3", 302, "/4").redirect("/4", 302, "/5")
                .page("/5", "<p>too far</p>");
        assertThat(reason(fetcher(true), server.url("/1"))).isEqualTo("too many redirects (more than 3, ingest.http.max.redirects)");
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerInTime() {
        server.slow("/slow");
        assertThat(reason(fetcher(true), server.url("/slow"))).isEqualTo("timed out after 2 s (ingest.http.timeout.ms)");
    }

    @Test
    void refusesABodyOverTheLimitByItsContentLength() {
        server.serve("/big", 200, "text/html", new byte[(int) MAX_BYTES + 1]);
        assertThat(reason(fetcher(true), server.url("/big")))
                .isEqualTo("response is 65537 bytes, over the limit of 65536 (ingest.max.page.bytes)");
    }

    @Test
    void stopsReadingABodyWithoutLengthAtTheLimit() {
        server.endless("/stream", (int) MAX_BYTES * 4);
        assertThat(reason(fetcher(true), server.url("/stream")))
                .isEqualTo("response is larger than 65536 bytes, over the limit of 65536 (ingest.max.page.bytes)");
    }

    @Test
    void reportsAnUnreachableServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(reason(fetcher(true), "http://127.0.0.1:" + closedPort + "/"))
                .isEqualTo("connection refused (127.0.0.1:" + closedPort + ")");
    }

    @Test
    void namesAnUnknownHostAsSuchNotAsARefusedConnection() {
        TestResolver resolver = new TestResolver("news.example", "127.0.0.1");
        assertThat(reason(fetcher(true, resolver), "https://nowhere.invalid/feed.rss")).isEqualTo("unknown host nowhere.invalid");
        server.redirect("/moved", 302, "http://gone.invalid/page");
        assertThat(reason(fetcher(true, resolver), server.url("/moved"))).isEqualTo("unknown host gone.invalid");
    }

    @Test
    void namesATlsFailure() throws Exception {
        // a server on loopback that answers a TLS handshake with plain HTTP
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (var socket = plain.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    socket.getInputStream().read(new byte[4096]); // until the client gives up
                } catch (IOException clientGaveUp) {
                    // the client closes the connection at the failed handshake
                }
            });
            answer.start();
            assertThat(reason(fetcher(true), "https://127.0.0.1:" + plain.getLocalPort() + "/")).startsWith("TLS failure: ");
            answer.join();
        }
    }
}
