package io.pactwire.enrich;

import io.pactwire.runtime.TopicProvisioningException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads how large a record the enricher's output topics take, once, at start. */
final class OutputLimits {
    private OutputLimits() {
    }

    /** The smallest {@code max.message.bytes} of news.enriched and news.agreements. */
    static int smallestMaxMessageBytes(EnrichConfig config) {
        List<ConfigResource> topics = List.of(
                new ConfigResource(ConfigResource.Type.TOPIC, config.topics().enriched().name()),
                new ConfigResource(ConfigResource.Type.TOPIC, config.topics().agreements().name()));
        try (Admin admin = Admin.create(config.adminProperties())) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get(60, TimeUnit.SECONDS);
            int smallest = Integer.MAX_VALUE;
            for (Config topicConfig : configs.values()) {
                ConfigEntry entry = topicConfig.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null) {
                    smallest = Math.min(smallest, Integer.parseInt(entry.value()));
                }
            }
            return smallest;
        } catch (ExecutionException e) {
            throw new TopicProvisioningException("Cannot read the configs of " + config.topics().enriched().name() + " and "
                    + config.topics().agreements().name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("Timed out reading the configs of the output topics (is the cluster reachable?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("Interrupted reading the configs of the output topics", e);
        }
    }
}
