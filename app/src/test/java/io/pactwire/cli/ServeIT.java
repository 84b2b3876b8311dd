package io.pactwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.ArticlePublisher;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.model.Json;
import io.pactwire.model.RawArticle;
import io.pactwire.serve.ServeConfig;
import io.pactwire.serve.ServeServer;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pactwire serve} in a real browser: the seeds through ingest, enrich and store on a real broker, the
 * live view serving them, and Debian's headless Chromium reading the page as a person would. The page is
 * waited for with Selenium's waits (until a condition holds, or failing after a bound), never timed.
 *
 * <p>The page's screenshot is saved as {@code target/serve.png}; with {@code -Dpactwire.screenshot=PATH} it is
 * also copied to PATH (the README's is made with {@code -Dpactwire.screenshot=../docs/serve.png}).
 */
@KafkaTest
class ServeIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String LIVE_ID = "serve-it-live";

    @Test
    void thePageListsTheSeedsFiltersOpensEvidenceAndFollowsNewAndRetractedArticles(KafkaTestCluster cluster,
                                                                                   @TempDir Path state) throws Exception {
        ConfigInput input = ConfigInput.of(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                EnrichConfig.STATE_DIR, state.resolve("enrich").toString(),
                StoreConfig.TRANSACTIONAL_ID, "pactwire-store-serve-it"));
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        try (EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
             ArticleStore store = new ArticleStore(new StoreConfig(input));
             ServeServer serve = new ServeServer(new ServeConfig(ConfigInput.of(Map.of(
                     "bootstrap.servers", cluster.bootstrapServers(),
                     ServeConfig.STATE_DIR, state.resolve("serve").toString(),
                     ServeConfig.HOST, "127.0.0.1",
                     ServeConfig.PORT, "0"))))) {
            enricher.start();
            store.start();
            serve.start();
            assertThat(serve.awaitReady(WAIT)).as("the view caught up with the topics").isTrue();
            IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC()).ingest(List.of(Path.of("../samples")));
            assertThat(report.published()).hasSize(3);
            String base = "http://127.0.0.1:" + serve.port();

            ChromeDriver browser = HeadlessChromium.start(1400, 1000);
            try {
                browser.get(base + "/");
                WebDriverWait wait = new WebDriverWait(browser, WAIT);

                // the seeds' six agreements, each with its parties
                wait.until(rowsAre(6));
                assertThat(texts(rows(browser))).anySatisfy(row -> assertThat(row)
                        .contains("memorandum of understanding", "signed", "CN", "China National Space Administration"));
                assertThat(texts(rows(browser))).anySatisfy(row -> assertThat(row)
                        .contains("memorandum of cooperation", "JP", "Cabinet Office of Japan"));
                assertThat(texts(rows(browser))).anySatisfy(row -> assertThat(row).contains("RU", "Russia"));
                // the graph has a node per party country and an edge per pair
                wait.until(d -> d.findElements(By.cssSelector("#graph .node")).size() == 4);
                assertThat(browser.findElements(By.cssSelector("#graph .edge")))
                        .extracting(e -> e.getAttribute("data-pair")).containsExactlyInAnyOrder("CN-LU", "JP-LU", "LU-RU");
                Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, Path.of("target", "serve.png"), StandardCopyOption.REPLACE_EXISTING);
                String copy = System.getProperty("pactwire.screenshot", "");
                if (!copy.isBlank()) {
                    Files.copy(shot, Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
                }

                // filters narrow the list: Japan's two agreements, then only the signed one
                browser.findElement(By.id("country")).sendKeys("JP");
                wait.until(rowsAre(2));
                assertThat(texts(rows(browser))).allSatisfy(row -> assertThat(row).contains("JP"));
                new Select(browser.findElement(By.id("status"))).selectByValue("SIGNED");
                wait.until(rowsAre(1));
                assertThat(texts(rows(browser)).get(0)).contains("memorandum of cooperation", "Cabinet Office of Japan");
                browser.findElement(By.id("reset")).click();
                wait.until(rowsAre(6));

                // a row opens its article, with the evidence of its agreements highlighted in news.raw's text
                WebElement china = rows(browser).stream()
                        .filter(r -> r.getText().contains("China National Space Administration")
                                && r.getText().contains("memorandum of understanding"))
                        .findFirst().orElseThrow();
                String chinaId = china.getAttribute("data-article");
                china.click();
                wait.until(d -> d.findElement(By.id("article")).isDisplayed()
                        && !d.findElements(By.cssSelector("#article-body mark.evidence")).isEmpty());
                String body = browser.findElement(By.id("article-body")).getText();
                List<String> marked = texts(browser.findElements(By.cssSelector("#article mark.evidence")));
                JsonNode detail = getJson(base + "/api/articles/" + chinaId);
                List<String> evidence = new ArrayList<>();
                detail.get("agreements").forEach(a -> a.get("evidence").forEach(e -> evidence.add(e.get("text").asText())));
                assertThat(evidence).isNotEmpty();
                String joined = String.join("\n", marked).replaceAll("\\s+", " ");
                assertThat(evidence).allSatisfy(text -> assertThat(joined).contains(text.replaceAll("\\s+", " ")));
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "serve-article.png"),
                        StandardCopyOption.REPLACE_EXISTING);
                assertThat(body.replaceAll("\\s+", " "))
                        .contains(detail.get("text").get("body").asText().replaceAll("\\s+", " ").strip());
                browser.findElement(By.id("close")).click();

                // an article ingested while the page is open appears without a reload, its markup shown as text
                ((JavascriptExecutor) browser).executeScript("window.pactwireLoadedOnce = true;");
                String title = "<b>Luxembourg</b> and Chile sign a memorandum of understanding";
                publish(cluster, RawArticle.of(LIVE_ID, title, "Luxembourg and Chile signed a memorandum of understanding"
                        + " on space resources on Tuesday.").withPublishedAt("2018-03-06").withSourceUri("test:" + LIVE_ID));
                wait.until(rowsAre(7));
                assertThat(((JavascriptExecutor) browser).executeScript("return window.pactwireLoadedOnce === true;"))
                        .as("the page was not reloaded").isEqualTo(true);
                assertThat(texts(rows(browser))).anySatisfy(row -> assertThat(row).contains("CL", title));
                assertThat(browser.findElements(By.cssSelector("#agreements tbody b"))).as("no markup from an article").isEmpty();
                wait.until(d -> d.findElements(By.cssSelector("#graph .edge[data-pair='CL-LU']")).size() == 1);

                // ... and disappears when it is retracted
                CliRun retract = CliRun.run(cluster.bootstrapServers(), "retract", LIVE_ID);
                assertThat(retract.exit()).as(retract.toString()).isZero();
                wait.until(rowsAre(6));
                assertThat(texts(rows(browser))).noneSatisfy(row -> assertThat(row).contains("Chile"));
                assertThat(((JavascriptExecutor) browser).executeScript("return window.pactwireLoadedOnce === true;"))
                        .isEqualTo(true);
            } finally {
                browser.quit();
            }
            store.close();
        }
    }

    /** `serve` on a port another process holds stops at once with one line naming serve.port (exit 2). */
    @Test
    void aTakenPortIsAUsageError(KafkaTestCluster cluster, @TempDir Path state) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run(cluster.bootstrapServers(), "serve", "--port", Integer.toString(taken.getLocalPort()),
                    "--set", ServeConfig.HOST + "=127.0.0.1", "--set", ServeConfig.STATE_DIR + "=" + state);
            assertThat(run.exit()).as(run.toString()).isEqualTo(2);
            assertThat(run.err().lines().filter(l -> l.startsWith("pactwire serve:")).toList()).as(run.toString())
                    .singleElement().asString().contains("serve.port", "cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertThat(run.err()).as("stopped before connecting to Kafka").doesNotContain("LiveView");
        }
    }

    private static Function<WebDriver, Boolean> rowsAre(int count) {
        return driver -> rows(driver).size() == count;
    }

    private static List<WebElement> rows(WebDriver driver) {
        return driver.findElements(By.cssSelector("#agreements tbody tr[data-agreement]"));
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static void publish(KafkaTestCluster cluster, RawArticle article) {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (ArticlePublisher publisher = new ArticlePublisher(props, Topics.RAW.name())) {
            publisher.publish(article.sourceUri(), article);
            assertThat(publisher.finish().failed()).isEmpty();
        }
    }
}
