package io.pactwire.cli;

import io.pactwire.topics.TopicDescriptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import picocli.CommandLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Moves a consumer group's committed offsets so that it reads a topic again, through the Admin API.
 * Committed offsets can only be changed while the group has no active member, so a replay refuses to
 * run while the services of that group run.
 */
final class Replay {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;

    Replay(Admin admin) {
        this.admin = admin;
    }

    /** Where a replay starts: the earliest offset, or the first record at or after an instant. */
    record From(String text, Instant instant) {
        /**
         * @throws CommandLine.TypeConversionException when the text is none of the three forms, naming them
         */
        static From parse(String text, Clock clock) {
            String t = text.strip();
            if (t.equalsIgnoreCase("earliest")) {
                return new From("earliest", null);
            }
            try {
                return new From(text, Instant.parse(t));
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return new From(text + " ago", clock.instant().minus(Durations.parse(t)));
                } catch (CommandLine.TypeConversionException notADuration) {
                    throw new CommandLine.TypeConversionException("'" + text + "' is not earliest, an ISO-8601 instant"
                            + " (2018-01-16T00:00:00Z) or a duration back from now (" + Durations.SYNTAX + ")");
                }
            }
        }

        OffsetSpec spec() {
            return instant == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(instant.toEpochMilli());
        }
    }

    /** One partition's move: committed offset now (null when none), offset after, and the log end. */
    record Move(TopicPartition partition, Long from, long to, long end) {
        long toReprocess() {
            return Math.max(0, end - to);
        }
    }

    /** A group's moves on one topic. */
    record Plan(String group, String topic, List<Move> moves) {
        long toReprocess() {
            return moves.stream().mapToLong(Move::toReprocess).sum();
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("%-28s %12s %12s %12s%n", "PARTITION", "COMMITTED", "NEW OFFSET", "TO REPROCESS"));
            for (Move move : moves) {
                text.append(String.format("%-28s %12s %12d %12d%n", move.partition(),
                        move.from() == null ? "-" : move.from().toString(), move.to(), move.toReprocess()));
            }
            text.append("group ").append(group).append(": ").append(toReprocess()).append(" records of ")
                    .append(topic).append(" to reprocess");
            return text.toString();
        }
    }

    /** Refuses (with the members named) when the group has active members. */
    void requireInactive(String group, String service) throws InterruptedException {
        ConsumerGroupDescription description;
        try {
            description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw new KafkaException("Cannot describe group " + group + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KafkaException("Timed out describing group " + group, e);
        }
        if (!description.members().isEmpty()) {
            String members = description.members().stream()
                    .map(m -> m.clientId() + "@" + m.host())
                    .collect(Collectors.joining(", "));
            throw new ReplayRefusedException("Group " + group + " has " + description.members().size()
                    + " active member(s) (" + members + "): stop every " + service + " instance, then replay");
        }
    }

    /** What moving {@code group}'s offsets on {@code topic} to {@code from} would do. */
    Plan plan(String group, TopicDescriptor<?, ?> topic, From from) throws InterruptedException {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic.name()).partitions().stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition()))
                    .toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> target = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> from.spec()))).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<Move> moves = new ArrayList<>();
            for (TopicPartition partition : new TreeMap<>(partitions.stream()
                    .collect(Collectors.toMap(p -> p.partition(), p -> p))).values()) {
                long endOffset = end.get(partition).offset();
                long to = target.get(partition).offset();
                OffsetAndMetadata now = committed.get(partition);
                moves.add(new Move(partition, now == null ? null : now.offset(), to < 0 ? endOffset : to, endOffset));
            }
            return new Plan(group, topic.name(), moves);
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot plan the replay of " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KafkaException("Timed out planning the replay of " + topic.name(), e);
        }
    }

    /** Commits the plan's offsets for its group. */
    void apply(Plan plan) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = plan.moves().stream()
                .collect(Collectors.toMap(Move::partition, m -> new OffsetAndMetadata(m.to())));
        try {
            admin.alterConsumerGroupOffsets(plan.group(), offsets).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot move the offsets of group " + plan.group() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KafkaException("Timed out moving the offsets of group " + plan.group(), e);
        }
    }

    /** How many partitions a topic has, or empty when it does not exist. */
    Optional<Integer> partitions(TopicDescriptor<?, ?> topic) throws InterruptedException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic.name()).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new KafkaException("Cannot describe " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KafkaException("Timed out describing " + topic.name(), e);
        }
    }

    /** The earliest timestamp still in a topic, for telling what a rebuild from it covers. */
    Instant earliestTimestamp(TopicDescriptor<?, ?> topic) throws InterruptedException {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic.name()).partitions().stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.forTimestamp(0))))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                    .filter(info -> info.offset() >= 0 && info.timestamp() >= 0)
                    .map(info -> Instant.ofEpochMilli(info.timestamp()))
                    .min(Instant::compareTo).orElse(null);
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot read the offsets of " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KafkaException("Timed out reading the offsets of " + topic.name(), e);
        }
    }

    /** A replay that must not run now, with the reason. */
    static final class ReplayRefusedException extends KafkaException {
        private static final long serialVersionUID = 1L;

        ReplayRefusedException(String message) {
            super(message);
        }
    }
}
