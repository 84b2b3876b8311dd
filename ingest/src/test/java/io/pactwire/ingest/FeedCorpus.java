package io.pactwire.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * How Pactwire reads a corpus of feed files, for {@code ingest/scripts/feed_compare.py}: reads file paths on
 * stdin, one per line, and prints one tab-separated line per file on stdout: the path, {@code read},
 * {@code rejected} or {@code not-a-feed} (what a {@code .xml} file in a folder would be skipped as), the
 * number of items the feed holds, the number of articles ingest makes of them without fetching linked
 * pages, and the reason when rejected (or what was noted of a feed read, such as no {@code <channel>}). A
 * tool, not a test: run it with the test class path.
 */
public final class FeedCorpus {
    private FeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        FeedReader feeds = new FeedReader();
        InputReader articles = new InputReader(1024 * 1024, Clock.systemUTC());
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader paths = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = paths.readLine(); line != null; line = paths.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(Path.of(line));
            String outcome;
            int items = 0;
            int read = 0;
            String reason = "";
            if (!FeedReader.looksLikeFeed(bytes)) {
                outcome = "not-a-feed";
            } else {
                try {
                    FeedReader.Feed feed = feeds.read(bytes, null);
                    items = feed.items().size();
                    outcome = "read";
                    reason = feed.note().orElse("");
                } catch (FeedReader.FeedProblem e) {
                    outcome = "rejected";
                    reason = e.getMessage();
                } catch (RuntimeException | StackOverflowError e) {
                    outcome = "rejected";
                    reason = InputReader.failedWhileReading(line, e);
                }
                List<Input> inputs = new ArrayList<>();
                articles.readDocument(line, bytes, inputs::add);
                read = (int) inputs.stream().filter(Input.Article.class::isInstance).count();
            }
            out.println(line + "\t" + outcome + "\t" + items + "\t" + read + "\t" + reason.replaceAll("\\s+", " "));
        }
        out.flush();
    }
}
