package io.pactwire.ingest;

import io.pactwire.model.ContentHash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads feeds for {@link InputReader}: each item once per reader (an item read before, with the same link, title,
 * date and text, is not read again, so polling a feed reads only what is new), from its own content, or from the
 * page it links to, fetched within the feed limits ({@code ingest.http.max.concurrent.fetches},
 * {@code ingest.feed.max.items}, {@code ingest.feed.time.budget.ms}). What it fetched goes to {@link Extraction}.
 */
final class FeedItems {
    private final Fetcher fetcher;
    private final InputReader.FeedLimits limits;
    private final Extraction extraction;
    private final FeedReader feeds = new FeedReader();
    /** The fingerprint of each item read, by feed and item. */
    private final Map<String, String> read = new ConcurrentHashMap<>();

    /**
     * @param fetcher how linked pages are fetched; null: an item that holds only a summary and a link is rejected
     * @param limits  how many linked pages are fetched, how many at a time, and within how long
     */
    FeedItems(Fetcher fetcher, InputReader.FeedLimits limits, Extraction extraction) {
        this.fetcher = fetcher;
        this.limits = limits;
        this.extraction = extraction;
    }

    /**
     * The items of a feed, in feed order. An item with full content is read from it; one with only a summary
     * is read from the page it links to. Those pages are fetched at most {@link InputReader.FeedLimits#maxConcurrentFetches}
     * at a time, at most {@link InputReader.FeedLimits#maxItems} of them, within {@link InputReader.FeedLimits#timeBudget}: an item over
     * the count is skipped, and one not fetched within the budget rejected, each with its reason, and both
     * are read again at the next poll. Within one reader, an item already read (same link, date and text) is
     * not read again, so polling a feed only reads what is new.
     */
    void read(String source, byte[] bytes, String contentType, Consumer<Input> sink) {
        List<FeedReader.Item> items;
        try {
            FeedReader.Feed feed = feeds.read(bytes, contentType);
            items = feed.items();
            if (items.isEmpty() && feed.note().isPresent()) {
                // read, but with nothing in it and something wrong with it: said, not passed over in silence
                sink.accept(new Input.Skipped(source, feed.note().get() + ", and no items"));
                return;
            }
        } catch (FeedReader.FeedProblem e) {
            sink.accept(new Input.Rejected(source, e.getMessage()));
            return;
        }
        List<FeedItem> unread = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FeedReader.Item item = items.get(i);
            String itemSource = item.link() != null ? item.link() : source + "#item=" + (i + 1);
            String fingerprint = ContentHash.sha256Hex(item.link() + "\n" + item.title() + "\n" + item.publishedAt()
                    + "\n" + item.contentHtml() + "\n" + item.summaryHtml());
            String key = source + " " + itemSource;
            if (!fingerprint.equals(read.get(key))) {
                unread.add(new FeedItem(itemSource, item, key, fingerprint));
            }
        }
        List<ItemRead> reads = new ArrayList<>();
        int linked = 0;
        ExecutorService pages = null;
        long deadline = System.nanoTime() + limits.timeBudget().toNanos();
        try {
            for (FeedItem unreadItem : unread) {
                if (!needsLinkedPage(unreadItem.item())) {
                    read.put(unreadItem.key(), unreadItem.fingerprint());
                    reads.add(new ItemRead(unreadItem.source(), () -> feedItem(unreadItem.source(), unreadItem.item())));
                } else if (++linked > limits.maxItems()) {
                    reads.add(new ItemRead(unreadItem.source(), () -> new Input.Skipped(unreadItem.source(),
                            "over ingest.feed.max.items (" + limits.maxItems() + " linked pages per feed and read);"
                                    + " read at the next poll")));
                } else {
                    if (pages == null) {
                        pages = Executors.newFixedThreadPool(limits.maxConcurrentFetches(), FEED_FETCH_THREADS);
                    }
                    read.put(unreadItem.key(), unreadItem.fingerprint());
                    // only the fetch runs on the pool; extraction stays on this thread, in feed order
                    Future<LinkedPage> page = pages.submit(() -> fetchLinkedPage(unreadItem.item()));
                    reads.add(new ItemRead(unreadItem.source(), () -> linkedPage(unreadItem, page, deadline)));
                }
            }
            // in feed order, each as soon as it is there; a failure while one is read is its rejection
            reads.forEach(one -> InputReader.guarded(one.source(), sink, guardedSink -> guardedSink.accept(one.input().get())));
        } finally {
            if (pages != null) {
                pages.shutdownNow();
            }
        }
    }

    /** How one item of a feed becomes its input, read in feed order. */
    private record ItemRead(String source, Supplier<Input> input) {
    }

    /** An item of a feed not read before, and the fingerprint that tells it was read. */
    private record FeedItem(String source, FeedReader.Item item, String key, String fingerprint) {
    }

    private static final ThreadFactory FEED_FETCH_THREADS = runnable -> {
        Thread thread = new Thread(runnable, "pactwire-feed-fetch");
        thread.setDaemon(true); // a fetch past the budget must not keep the JVM up; it ends at its own timeout
        return thread;
    };

    private boolean needsLinkedPage(FeedReader.Item item) {
        return !Extraction.hasText(item.contentHtml()) && item.link() != null && fetcher != null;
    }

    /** The linked page's article, or its rejection when it was not fetched within the feed's budget. */
    private Input linkedPage(FeedItem unread, Future<LinkedPage> page, long deadline) {
        try {
            return linkedArticle(unread.source(), unread.item(), page.get(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            page.cancel(true);
            read.remove(unread.key(), unread.fingerprint()); // not read: the next poll tries again
            return new Input.Rejected(unread.source(), "feed time budget spent (" + limits.timeBudget().toMillis()
                    + " ms, ingest.feed.time.budget.ms); read at the next poll");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            page.cancel(true);
            read.remove(unread.key(), unread.fingerprint());
            return new Input.Rejected(unread.source(), "interrupted");
        } catch (ExecutionException e) {
            return new Input.Rejected(unread.source(), "linked page: " + InputReader.failedWhileReading(unread.source(), e.getCause()));
        }
    }

    /** The article of a feed item that needs no linked page, or why there is none. */
    private Input feedItem(String source, FeedReader.Item item) {
        if (Extraction.hasText(item.contentHtml())) {
            return extraction.feedItem(source, item, item.contentHtml());
        }
        if (item.link() != null) {
            return new Input.Rejected(source, "feed item holds only a summary and URLs are not read here");
        }
        if (Extraction.hasText(item.summaryHtml())) {
            return extraction.feedItem(source, item, item.summaryHtml());
        }
        return new Input.Rejected(source, "feed item has no content, summary or link");
    }

    /** A linked page as fetched, or why it could not be; fetched on a pool thread, read on this one. */
    private record LinkedPage(Fetcher.Response response, String problem) {
    }

    private LinkedPage fetchLinkedPage(FeedReader.Item item) {
        try {
            return new LinkedPage(fetcher.fetch(item.link()), null);
        } catch (Fetcher.FetchException e) {
            return new LinkedPage(null, e.getMessage());
        }
    }

    /** The article of the page a feed item links to; the feed's date when the page has none. */
    private Input linkedArticle(String source, FeedReader.Item item, LinkedPage linked) {
        if (linked.problem() != null) {
            return new Input.Rejected(source, "linked page: " + linked.problem());
        }
        Fetcher.Response response = linked.response();
        String type = InputReader.mediaType(response.contentType());
        if (!type.contains("html") && !InputReader.looksLikeHtml(response.body())) {
            return new Input.Rejected(source, "feed item links to " + type + ", not a web page");
        }
        Input page = extraction.page(source, response.uri().toString(), response.body(), response.contentType(), null);
        if (page instanceof Input.Article a && a.article().publishedAt() == null && item.publishedAt() != null) {
            return new Input.Article(source, a.article().withPublishedAt(item.publishedAt()));
        }
        return page;
    }
}
