package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestServiceTest {

    /**
     * The publishing thread cannot start (news.raw cannot be read) while the reading thread has more
     * inputs than the hand-off between them holds: the run ends with the cause, it does not wait for ever.
     */
    @Test
    @Timeout(120) // a guard against a hang, not a speed check
    void whenNewsRawCannotBeReadTheRunFailsWithTheCauseInsteadOfWaiting() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IngestConfig config = new IngestConfig(ConfigInput.of(Map.of("bootstrap.servers", "localhost:" + closedPort,
                IngestConfig.KNOWN_ARTICLES_TIMEOUT_MS, "1500", "max.block.ms", "1500")));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            lines.append("{\"id\":\"a-").append(i).append("\",\"body\":\"Article number ").append(i).append(".\"}\n");
        }
        IngestService service = new IngestService(config, Clock.systemUTC());

        assertThatThrownBy(() -> service.ingestJsonLines(
                new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), "stdin"))
                .hasMessageContaining("news.raw")
                .hasMessageContaining("1500");
    }
}
