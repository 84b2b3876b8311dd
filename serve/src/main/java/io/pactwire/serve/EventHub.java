package io.pactwire.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.pactwire.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The browsers following the view, over server-sent events ({@code GET /api/events}): each {@link Change} the
 * view takes in is sent to every open stream as an event {@code change} whose data is the change as JSON; a
 * comment every 15 s keeps idle connections open through proxies and finds the closed ones. One thread sends,
 * so the view's thread never waits for a slow browser; at most {@link #MAX_CLIENTS} streams are open at once.
 */
final class EventHub implements AutoCloseable {
    static final int MAX_CLIENTS = 256;
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final Set<HttpExchange> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pactwire-serve-events");
        thread.setDaemon(true);
        return thread;
    });

    EventHub() {
        sender.scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens an event stream on {@code exchange}; false (nothing sent) when too many are open. */
    boolean open(HttpExchange exchange) throws IOException {
        if (clients.size() >= MAX_CLIENTS) {
            return false;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        clients.add(exchange);
        sender.execute(() -> send(exchange, "retry: 2000\n: connected\n\n"));
        return true;
    }

    /** Sends {@code change} to every open stream, from the sender thread. */
    void publish(Change change) {
        String data;
        try {
            data = Json.mapper().writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + change, e);
        }
        sender.execute(() -> broadcast("event: change\ndata: " + data + "\n\n"));
    }

    int open() {
        return clients.size();
    }

    private void broadcast(String event) {
        for (HttpExchange client : clients) {
            send(client, event);
        }
    }

    private void send(HttpExchange client, String event) {
        try {
            OutputStream body = client.getResponseBody();
            body.write(event.getBytes(StandardCharsets.UTF_8));
            body.flush();
        } catch (IOException e) {
            log.debug("Event stream to {} closed: {}", client.getRemoteAddress(), e.toString());
            clients.remove(client);
            client.close();
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        clients.forEach(HttpExchange::close);
        clients.clear();
    }
}
