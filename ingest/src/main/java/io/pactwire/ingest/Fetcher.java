package io.pactwire.ingest;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * Fetches web pages and feeds with Apache HttpClient 5, refusing what ingest must not take: schemes other
 * than http and https, hosts on loopback or private networks ({@link HostPolicy}, which is also the client's
 * DNS resolver, so that the client connects only to addresses it checked), bodies over the size limit
 * (checked on the {@code Content-Length} and again while reading, on the decoded bytes of a gzip or deflate
 * body), servers slower than the timeout (for the whole exchange, body included), redirect loops and chains
 * longer than the limit (redirects are followed here, not by the client, so every hop is checked), and HTTP
 * errors. Each refusal is a {@link FetchException} whose message is the reason, fit for a report, and names
 * the real cause: unknown host, connection refused, no route to host, TLS failure, timeout, HTTP status, size.
 */
public final class Fetcher {

    /**
     * How to fetch.
     *
     * @param connectTimeout    how long to wait for a connection
     * @param timeout           how long the whole exchange may take, from request to the body's last byte
     * @param maxRedirects      redirects followed before giving up
     * @param maxBytes          largest body accepted
     * @param allowPrivateHosts whether loopback and private-network hosts may be fetched from
     * @param userAgent         the {@code User-Agent} header
     */
    public record Settings(Duration connectTimeout, Duration timeout, int maxRedirects, long maxBytes,
                           boolean allowPrivateHosts, String userAgent) {
    }

    /** A fetched body: the final address after redirects, its content type (may be null) and bytes. */
    public record Response(URI uri, String contentType, byte[] body) {
    }

    /** Why a URL could not be fetched; the message is the reason. */
    public static final class FetchException extends Exception {
        private static final long serialVersionUID = 1L;

        public FetchException(String reason) {
            super(reason);
        }
    }

    /** Connections kept per fetcher: enough for every concurrent fetch of a feed's linked pages. */
    static final int MAX_CONNECTIONS = 64;
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            + "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";
    /** Aborts an exchange at its deadline: the client's own timeouts are per read, not for the whole exchange. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pactwire-fetch-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final Settings settings;
    private final HostPolicy hosts;
    private final CloseableHttpClient client;

    public Fetcher(Settings settings) {
        this(settings, HostPolicy.Resolver.SYSTEM);
    }

    /** A fetcher that resolves host names with {@code resolver}: tests give their own, never real DNS. */
    Fetcher(Settings settings, HostPolicy.Resolver resolver) {
        this.settings = settings;
        this.hosts = new HostPolicy(settings.allowPrivateHosts(), resolver);
        Timeout timeout = Timeout.of(settings.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(hosts) // every connection, redirects included, goes to addresses it checked
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(timeout)
                                .build())
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                .setUserAgent(settings.userAgent())
                // Every hop is checked here; a retry would hide a failure or repeat a slow request; no cookies
                // or credentials follow a fetch to another page. Gzip and deflate bodies are decoded (the default).
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** The URI of {@code url} if ingest may fetch it: absolute, http or https, with a host. */
    public static URI checkedUri(String url) throws FetchException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new FetchException("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("unsupported scheme " + (scheme.isEmpty() ? "(none)" : scheme + ":")
                    + "; only http and https URLs are fetched");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new FetchException("not a valid URL: no host");
        }
        return uri;
    }

    /** Fetches {@code url}, following redirects. */
    public Response fetch(String url) throws FetchException {
        URI uri = checkedUri(url);
        Set<URI> visited = new LinkedHashSet<>();
        for (int hop = 0; ; hop++) {
            if (!visited.add(uri)) {
                List<String> chain = new ArrayList<>();
                visited.forEach(u -> chain.add(u.toString()));
                chain.add(uri.toString());
                throw new FetchException("redirect loop: " + String.join(" -> ", chain));
            }
            checkHost(uri);
            Exchange response = send(uri);
            int status = response.status();
            if (status >= 200 && status < 300) {
                return new Response(uri, response.contentType(), response.body());
            }
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                Optional<String> location = Optional.ofNullable(response.location());
                if (location.isEmpty()) {
                    throw new FetchException("HTTP " + status + " redirect without a Location header");
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException("too many redirects (more than " + settings.maxRedirects()
                            + ", ingest.http.max.redirects)");
                }
                try {
                    uri = checkedUri(uri.resolve(location.get().strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw new FetchException("redirect to an invalid URL: " + location.get());
                }
                continue;
            }
            throw new FetchException("HTTP " + status + (status >= 400 && status < 500 ? " (client error)"
                    : status >= 500 ? " (server error)" : " (unexpected status)"));
        }
    }

    /** One request's answer: its status, and its body only when it is a success. */
    private record Exchange(int status, String contentType, String location, byte[] body) {
    }

    /**
     * Refuses a private host before any connection is asked for, with the same reason the client's resolver
     * would give; the client checks the addresses it connects to again, whatever DNS answers by then.
     */
    private void checkHost(URI uri) throws FetchException {
        try {
            Optional<String> refusal = hosts.refusal(uri.getHost());
            if (refusal.isPresent()) {
                throw new FetchException(refusal.get());
            }
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + uri.getHost());
        }
    }

    private Exchange send(URI uri) throws FetchException {
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", ACCEPT);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            timedOut.set(true);
            request.cancel(); // closes the connection: a read blocked in the body ends at once
        }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        // Closing a response that was not read to its end discards its connection: an error page or a
        // redirect is never read on, however long its body.
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            int status = response.getCode();
            String contentType = header(response, "Content-Type");
            if (status < 200 || status >= 300) {
                return new Exchange(status, contentType, header(response, "Location"), null);
            }
            return new Exchange(status, contentType, null, limitedBody(response.getEntity()));
        } catch (TooLarge e) {
            throw new FetchException(e.getMessage());
        } catch (IOException e) {
            throw new FetchException(timedOut.get() ? timedOutReason() : reason(e, uri));
        } finally {
            deadline.cancel(false);
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /**
     * The body, read until the limit and no further. A gzip or deflate body arrives here decoded, so the
     * limit is on what it decodes to: a small compressed bomb stops at the limit like any other body.
     */
    private byte[] limitedBody(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long limit = settings.maxBytes();
        long declared = entity.getContentLength(); // -1 for a decoded body: its header gave the encoded length
        if (declared > limit) {
            throw new TooLarge(limit, declared);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        try (InputStream in = entity.getContent()) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (bytes.size() + (long) n > limit) {
                    throw new TooLarge(limit, -1);
                }
                bytes.write(chunk, 0, n);
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The cause of a failed exchange, named as such: a report groups rejections by it ({@link IngestReport}), so
     * an unknown host must not read as a refused connection, nor a TLS failure as a network error.
     */
    private String reason(IOException cause, URI uri) {
        if (cause instanceof HostPolicy.Refused) {
            return cause.getMessage(); // an address the client was about to connect to, refused by the policy
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + uri.getHost();
        }
        if (cause instanceof ConnectTimeoutException) {
            return "timed out connecting after " + describe(settings.connectTimeout()) + " (ingest.http.connect.timeout.ms)";
        }
        if (cause instanceof SocketTimeoutException) {
            return timedOutReason();
        }
        if (cause instanceof ConnectException) {
            return "connection refused (" + authority(uri) + ")";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host (" + authority(uri) + ")";
        }
        if (cause instanceof SSLException) {
            return "TLS failure: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return "network error: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    /** Host and port, the port the scheme's when the URL gives none. */
    private static String authority(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private String timedOutReason() {
        return "timed out after " + describe(settings.timeout()) + " (ingest.http.timeout.ms)";
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit, long size) {
            super((size >= 0 ? "response is " + size + " bytes" : "response is larger than " + limit + " bytes")
                    + ", over the limit of " + limit + " (ingest.max.page.bytes)");
        }
    }
}
