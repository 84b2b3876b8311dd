package io.pactwire.topics;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The topics of one pipeline: {@link Topics}' under the prefix of {@code topics.prefix}, so that several
 * pipelines (staging and production, two customers) share a cluster without seeing each other's records.
 * With the empty prefix these are {@link Topics}' own descriptors.
 */
public final class PipelineTopics {
    /** Legal in a topic name, as Kafka checks it; the prefix leaves room for the longest name Pactwire adds. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{0,200}");
    public static final PipelineTopics DEFAULT = new PipelineTopics("");

    private final String prefix;
    private final TopicDescriptor<String, RawArticle> raw;
    private final TopicDescriptor<String, EnrichedArticle> enriched;
    private final TopicDescriptor<String, EnrichedArticle> articles;
    private final TopicDescriptor<String, AgreementRecord> agreements;
    private final TopicDescriptor<byte[], byte[]> deadLetters;

    private PipelineTopics(String prefix) {
        this.prefix = prefix;
        this.raw = Topics.RAW.prefixed(prefix);
        this.enriched = Topics.ENRICHED.prefixed(prefix);
        this.articles = Topics.ARTICLES.prefixed(prefix);
        this.agreements = Topics.AGREEMENTS.prefixed(prefix);
        this.deadLetters = Topics.DEAD_LETTERS.prefixed(prefix);
    }

    /** The topics under {@code prefix}; empty for {@link #DEFAULT}. */
    public static PipelineTopics withPrefix(String prefix) {
        if (!isLegalPrefix(prefix)) {
            throw new IllegalArgumentException("topic prefix '" + prefix + "' may hold only a-z, A-Z, 0-9, '.', '_' and '-',"
                    + " at most 200 of them");
        }
        return prefix.isEmpty() ? DEFAULT : new PipelineTopics(prefix);
    }

    public static boolean isLegalPrefix(String prefix) {
        return prefix != null && LEGAL.matcher(prefix).matches();
    }

    public String prefix() {
        return prefix;
    }

    public TopicDescriptor<String, RawArticle> raw() {
        return raw;
    }

    public TopicDescriptor<String, EnrichedArticle> enriched() {
        return enriched;
    }

    public TopicDescriptor<String, EnrichedArticle> articles() {
        return articles;
    }

    public TopicDescriptor<String, AgreementRecord> agreements() {
        return agreements;
    }

    public TopicDescriptor<byte[], byte[]> deadLetters() {
        return deadLetters;
    }

    /** All topics, in the order data flows through them. */
    public List<TopicDescriptor<?, ?>> all() {
        return List.of(raw, enriched, articles, agreements, deadLetters);
    }

    /** This pipeline's version of one of {@link Topics}' descriptors. */
    public TopicDescriptor<?, ?> of(TopicDescriptor<?, ?> topic) {
        List<TopicDescriptor<?, ?>> base = Topics.all();
        int index = base.indexOf(topic);
        if (index < 0) {
            index = all().indexOf(topic);
        }
        if (index < 0) {
            throw new IllegalArgumentException(topic + " is not one of Pactwire's topics");
        }
        return all().get(index);
    }

    /** The topics {@code service} writes: its own, which it provisions. */
    public List<TopicDescriptor<?, ?>> writtenBy(Topics.Service service) {
        return Topics.writtenBy(service).stream().<TopicDescriptor<?, ?>>map(this::of).toList();
    }

    /** The topics {@code service} reads; those it does not write belong to another service. */
    public List<TopicDescriptor<?, ?>> readBy(Topics.Service service) {
        return Topics.readBy(service).stream().<TopicDescriptor<?, ?>>map(this::of).toList();
    }

    /** The topics {@code service} works with, written or read, each once, in the order data flows. */
    public List<TopicDescriptor<?, ?>> usedBy(Topics.Service service) {
        return Topics.usedBy(service).stream().<TopicDescriptor<?, ?>>map(this::of).toList();
    }

    /** The services that write {@code topic}: its owners. */
    public List<Topics.Service> writersOf(TopicDescriptor<?, ?> topic) {
        TopicDescriptor<?, ?> mine = of(topic);
        return Arrays.stream(Topics.Service.values()).filter(s -> writtenBy(s).contains(mine)).toList();
    }

    /** {@code id} under this pipeline's prefix: a default group, application or transactional id of its own. */
    public String id(String id) {
        return prefix + id;
    }

    @Override
    public String toString() {
        return prefix.isEmpty() ? "the default topics" : "topics prefixed " + prefix;
    }
}
