package io.pactwire.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches web pages and feeds with the JDK's {@link HttpClient}, refusing what ingest must not take:
 * schemes other than http and https, hosts on loopback or private networks ({@link HostPolicy}), bodies
 * over the size limit (checked on the {@code Content-Length} and again while reading), servers slower than
 * the timeout (for the whole exchange, body included), redirect loops and chains longer than the limit
 * (redirects are followed here, not by the client, so every hop is checked), and HTTP errors. Each refusal
 * is a {@link FetchException} whose message is the reason, fit for a report.
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

    private final Settings settings;
    private final HostPolicy hosts;
    private final HttpClient client;

    public Fetcher(Settings settings) {
        this.settings = settings;
        this.hosts = new HostPolicy(settings.allowPrivateHosts());
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
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
            HttpResponse<byte[]> response = send(uri);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Response(uri, response.headers().firstValue("content-type").orElse(null), response.body());
            }
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                Optional<String> location = response.headers().firstValue("location");
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

    private void checkHost(URI uri) throws FetchException {
        try {
            Optional<String> refusal = hosts.refusal(uri.getHost());
            if (refusal.isPresent()) {
                throw new FetchException(refusal.get());
            }
        } catch (UnknownHostException e) {
            throw new FetchException("unreachable: unknown host " + uri.getHost());
        }
    }

    private HttpResponse<byte[]> send(URI uri) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                        + "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, this::limitedBody);
        try {
            return exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchException("timed out after " + describe(settings.timeout()) + " (ingest.http.timeout.ms)");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        } catch (ExecutionException e) {
            throw new FetchException(reason(e.getCause()));
        }
    }

    private String reason(Throwable cause) {
        if (cause instanceof TooLarge tooLarge) {
            return tooLarge.getMessage();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "timed out connecting after " + describe(settings.connectTimeout()) + " (ingest.http.connect.timeout.ms)";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + describe(settings.timeout()) + " (ingest.http.timeout.ms)";
        }
        if (cause instanceof ConnectException) {
            return "unreachable: connection refused";
        }
        if (cause instanceof IOException && cause.getCause() instanceof TooLarge tooLarge) {
            return tooLarge.getMessage();
        }
        return "unreachable: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** A body handler that stops reading, and fails, once the body is over the limit. */
    private HttpResponse.BodySubscriber<byte[]> limitedBody(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
        return new LimitedBody(settings.maxBytes(), declared);
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit, long size) {
            super((size >= 0 ? "response is " + size + " bytes" : "response is larger than " + limit + " bytes")
                    + ", over the limit of " + limit + " (ingest.max.page.bytes)");
        }
    }

    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final long declared;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long limit, long declared) {
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit, declared));
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(limit, -1));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
