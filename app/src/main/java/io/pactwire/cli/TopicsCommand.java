package io.pactwire.cli;

import io.pactwire.config.ClusterConfig;
import io.pactwire.runtime.TopicProvisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "topics", description = "Create the topics that are missing and verify those that exist.")
final class TopicsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        TopicProvisioner.Report report = TopicSetup.ensureAll(new ClusterConfig(kafka.input()));
        report.created().forEach(t -> System.out.println("created  " + t));
        report.verified().forEach(t -> System.out.println("verified " + t));
        return 0;
    }
}
