package io.pactwire.enrich;

import io.pactwire.config.ConfigInput;
import io.pactwire.runtime.Health;
import io.pactwire.tagger.Tagger;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The enricher's lifecycle before it starts: no broker is needed, and none is called. */
class EnricherAppTest {

    private static EnrichConfig config(int port, Path state) {
        return new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "127.0.0.1:" + port,
                EnrichConfig.STATE_DIR, state.toString())));
    }

    @Test
    void madeItCallsNoClusterAndIsStartingUntilStarted(@TempDir Path state) throws Exception {
        try (ServerSocket broker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            EnricherApp app = new EnricherApp(config(broker.getLocalPort(), state), Tagger.standard());
            assertThat(app.name()).isEqualTo("enricher");
            assertThat(app.state()).isEqualTo(KafkaStreams.State.CREATED);
            assertThat(app.health()).isEqualTo(Health.of(Health.Status.STARTING, "enricher is CREATED"));
            assertThat(EnrichFixture.metric(app, "thread-replacements-total")).isZero();
            // the constructor returned without a connection to the address it was given
            broker.setSoTimeout(1);
            assertThatThrownBy(broker::accept).isInstanceOf(SocketTimeoutException.class);
            app.close();
        }
    }

    @Test
    void closedBeforeStartItHasStoppedWithoutAFailureAndCannotStart(@TempDir Path state) throws Exception {
        EnricherApp app = new EnricherApp(config(1, state), Tagger.standard());
        assertThat(app.close(Duration.ofSeconds(1))).isTrue();
        assertThat(app.awaitStopped()).isEmpty();
        assertThat(app.awaitReady(Duration.ofSeconds(1))).isFalse();
        assertThat(app.health().status()).isEqualTo(Health.Status.STOPPED);
        assertThat(app.health().isAlive()).isFalse();
        assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
