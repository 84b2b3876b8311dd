package io.pactwire.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.config.ConfigInput;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Json;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP API of serve on a real broker, and two instances side by side as behind a load balancer. */
@KafkaTest
class ServeServerIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoInstancesEachAnswerForTheWholeViewAndTheApiSaysWhatIsWrong(KafkaTestCluster cluster, @TempDir Path state)
            throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        // an id that is a URL, as ingest gives articles read from the web
        String id = "https://example.org/news/lu-jp?x=1&y=2";
        EnrichedArticle article = ViewQueryTest.article(id, "2018-03-01", List.of("LU", "JP"));
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(cluster.clientProperties(),
                Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), id, article)).get();
        }
        try (ServeServer one = new ServeServer(config(cluster, state.resolve("one")));
             ServeServer two = new ServeServer(config(cluster, state.resolve("two")))) {
            one.start();
            two.start();
            assertThat(one.awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(two.awaitReady(Duration.ofSeconds(60))).isTrue();
            String path = "/api/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
            for (ServeServer serve : List.of(one, two)) {
                String base = "http://127.0.0.1:" + serve.port();
                await("the article in instance " + base).atMost(Duration.ofSeconds(60))
                        .until(() -> get(base + path).statusCode() == 200);
                JsonNode detail = Json.mapper().readTree(get(base + path).body());
                assertThat(detail.get("article").get("id").asText()).isEqualTo(id);
                assertThat(detail.get("agreements")).isEmpty();
                assertThat(detail.has("text")).as("news.raw holds no text for it").isFalse();
            }

            String base = "http://127.0.0.1:" + one.port();
            HttpResponse<String> bad = get(base + "/api/agreements?country=Luxembourg&limit=0");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Json.mapper().readTree(bad.body()).get("error").asText())
                    .contains("country must be a two-letter ISO 3166-1 code", "limit must be 1 to 1000, got 0");
            HttpResponse<String> missing = get(base + "/api/articles/no-such-article");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(Json.mapper().readTree(missing.body()).get("error").asText()).isEqualTo("no article no-such-article");
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(405);

            HttpResponse<String> page = get(base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'"));
            assertThat(page.body()).contains("<script src=\"/app.js\"").doesNotContain("http://", "https://");
            for (String asset : List.of("/app.js", "/app.css", "/favicon.svg", "/api/openapi.yaml", "/api/vocabulary")) {
                HttpResponse<String> response = get(base + asset);
                assertThat(response.statusCode()).as(asset).isEqualTo(200);
                assertThat(response.body()).as(asset + " loads nothing from other hosts")
                        .doesNotContainPattern("(src|href)=\"https?:|import\\s+.*https?:|url\\(https?:");
            }
            assertThat(get(base + "/api/articles?country=jp").body()).contains("\"total\":1");
            assertThat(get(base + "/api/articles?country=cn").body()).contains("\"total\":0");
            assertThat(get(base + "/health/ready").body()).isEqualTo("ready\n");
        }
    }

    private static ServeConfig config(KafkaTestCluster cluster, Path state) {
        return new ServeConfig(ConfigInput.of(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                ServeConfig.STATE_DIR, state.toString(),
                ServeConfig.HOST, "127.0.0.1",
                ServeConfig.PORT, "0")));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
