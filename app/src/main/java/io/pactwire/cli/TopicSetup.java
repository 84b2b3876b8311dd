package io.pactwire.cli;

import io.pactwire.config.ClusterAccessException;
import io.pactwire.config.PactwireConfig;
import io.pactwire.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;

import java.time.Duration;

/** Creates missing topics and verifies existing ones before a service starts. */
final class TopicSetup {
    private TopicSetup() {
    }

    static TopicProvisioner.Report ensure(PactwireConfig config) throws InterruptedException {
        try (Admin admin = Admin.create(config.adminProperties())) {
            return new TopicProvisioner(admin, config.topicSettings(), Duration.ofSeconds(60))
                    .ensure(io.pactwire.topics.Topics.all());
        } catch (RuntimeException e) {
            throw ClusterAccessException.explain(e, config);
        }
    }
}
