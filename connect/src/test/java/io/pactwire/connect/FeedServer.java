package io.pactwire.connect;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RSS feeds served by the JDK's HttpServer on 127.0.0.1 for tests: feed {@code n} at {@code /feeds/n.xml}, its
 * items with their full text in {@code content:encoded} and links at {@code /articles/n-i}. Items can be added and
 * their text changed while it runs; every other path is a 404.
 */
final class FeedServer implements AutoCloseable {
    /** One item: the text of its body. */
    private final Map<Integer, List<String>> feeds = new ConcurrentHashMap<>();
    private final HttpServer server;

    FeedServer(int feedCount, int itemsPerFeed) throws IOException {
        for (int feed = 0; feed < feedCount; feed++) {
            List<String> items = new ArrayList<>();
            for (int item = 0; item < itemsPerFeed; item++) {
                items.add(text(feed, item, "first"));
            }
            feeds.put(feed, items);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = null;
            if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
                try {
                    body = rss(Integer.parseInt(path.substring("/feeds/".length(), path.length() - ".xml".length())));
                } catch (NumberFormatException e) {
                    body = null;
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "feed-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The text of an item; {@code version} tells one edit from another. */
    static String text(int feed, int item, String version) {
        return "Luxembourg and Japan signed a memorandum of understanding on space resources, item " + item + " of feed "
                + feed + " (" + version + " version). The agreement covers the exploration and use of space resources.";
    }

    String feedUrl(int feed) {
        return base() + "/feeds/" + feed + ".xml";
    }

    String itemUrl(int feed, int item) {
        return base() + "/articles/" + feed + "-" + item;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> feedUrls() {
        return feeds.keySet().stream().sorted().map(this::feedUrl).toList();
    }

    /** Changes the text of one item. */
    synchronized void edit(int feed, int item, String version) {
        feeds.get(feed).set(item, text(feed, item, version));
    }

    /** Adds an item at the end of a feed; returns its number. */
    synchronized int add(int feed) {
        List<String> items = feeds.get(feed);
        items.add(text(feed, items.size(), "first"));
        return items.size() - 1;
    }

    private synchronized byte[] rss(int feed) {
        List<String> items = feeds.get(feed);
        if (items == null) {
            return null;
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Feed " + feed + "</title><link>"
                + base() + "/</link><description>Test feed</description>\n");
        for (int i = 0; i < items.size(); i++) {
            xml.append("<item><title>Item ").append(i).append(" of feed ").append(feed).append("</title><link>")
                    .append(itemUrl(feed, i)).append("</link><pubDate>Tue, 16 Jan 2018 10:00:00 GMT</pubDate>")
                    .append("<content:encoded><![CDATA[<p>").append(items.get(i)).append("</p>]]></content:encoded></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
