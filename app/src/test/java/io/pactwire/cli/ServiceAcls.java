package io.pactwire.cli;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.List;
import java.util.Locale;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;

/**
 * The least each service needs on a cluster with ACLs, with the default ids ({@code enrich.application.id}
 * pactwire-enrich, {@code store.group.id} pactwire-store, {@code store.transactional.id}
 * pactwire-store-&lt;host&gt;), the topics created beforehand by an administrator. {@code AclIT} grants
 * exactly this and runs the pipeline; docs/operations.md ("Security") shows the same table and the
 * {@link #kafkaAclsCommand kafka-acls.sh} commands, and the test checks they match.
 *
 * <p>Not needed, and so not granted: IDEMPOTENT_WRITE on the cluster (WRITE on a topic allows an
 * idempotent producer since Kafka 3.0); CREATE on news.* (the topics exist; a service only checks their
 * contract at start, which takes DESCRIBE and DESCRIBE_CONFIGS); DESCRIBE where READ or WRITE is granted
 * (they imply it); DESCRIBE_CONFIGS on the enricher's internal topics (a restart does without, as AclIT
 * shows).
 */
final class ServiceAcls {
    /** One ACL: the service's user may do {@code operation} on the resource. */
    record Grant(String user, ResourceType type, PatternType pattern, String name, AclOperation operation, String why) {

        AclBinding binding() {
            return new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
        }
    }

    static final String INGEST = "pactwire-ingest";
    static final String ENRICH = "pactwire-enrich";
    static final String STORE = "pactwire-store";

    static final List<Grant> ALL = List.of(
            new Grant(INGEST, TOPIC, LITERAL, "news.raw", WRITE, "publish articles (idempotent producer)"),
            new Grant(INGEST, TOPIC, LITERAL, "news.raw", READ, "read the hashes and revisions already published, at start (no group)"),
            new Grant(INGEST, TOPIC, PREFIXED, "news.", DESCRIBE, "see the topics"),
            new Grant(INGEST, TOPIC, PREFIXED, "news.", DESCRIBE_CONFIGS, "check each topic's cleanup.policy at start"),

            new Grant(ENRICH, TOPIC, LITERAL, "news.raw", READ, "the input"),
            new Grant(ENRICH, TOPIC, LITERAL, "news.enriched", WRITE, "results"),
            new Grant(ENRICH, TOPIC, LITERAL, "news.agreements", WRITE, "agreements"),
            new Grant(ENRICH, TOPIC, LITERAL, "news.dlq", WRITE, "dead letters"),
            new Grant(ENRICH, TOPIC, PREFIXED, "news.", DESCRIBE, "see the topics"),
            new Grant(ENRICH, TOPIC, PREFIXED, "news.", DESCRIBE_CONFIGS, "check cleanup.policy and read max.message.bytes at start"),
            new Grant(ENRICH, GROUP, LITERAL, "pactwire-enrich", READ, "its group (= application.id)"),
            new Grant(ENRICH, TOPIC, PREFIXED, "pactwire-enrich-", CREATE, "create the changelog of its state store"),
            new Grant(ENRICH, TOPIC, PREFIXED, "pactwire-enrich-", READ, "restore its state"),
            new Grant(ENRICH, TOPIC, PREFIXED, "pactwire-enrich-", WRITE, "write its changelog"),
            new Grant(ENRICH, TRANSACTIONAL_ID, PREFIXED, "pactwire-enrich-", WRITE, "exactly_once_v2 transactions"),

            new Grant(STORE, TOPIC, LITERAL, "news.enriched", READ, "the input"),
            new Grant(STORE, TOPIC, LITERAL, "news.articles", WRITE, "the stored results"),
            new Grant(STORE, TOPIC, LITERAL, "news.articles", READ, "learn what it holds for its partitions (no group)"),
            new Grant(STORE, TOPIC, LITERAL, "news.dlq", WRITE, "dead letters"),
            new Grant(STORE, TOPIC, PREFIXED, "news.", DESCRIBE, "see the topics"),
            new Grant(STORE, TOPIC, PREFIXED, "news.", DESCRIBE_CONFIGS, "check each topic's cleanup.policy at start"),
            new Grant(STORE, GROUP, LITERAL, "pactwire-store", READ, "its group (offsets commit in the transaction)"),
            new Grant(STORE, TRANSACTIONAL_ID, PREFIXED, "pactwire-store-", WRITE, "its transactions (pactwire-store-<host>)"));

    private ServiceAcls() {
    }

    static List<AclBinding> bindings() {
        return ALL.stream().map(Grant::binding).toList();
    }

    /** The same ACL as a kafka-acls.sh command, as docs/operations.md shows it. */
    static String kafkaAclsCommand(Grant grant) {
        String resource = switch (grant.type()) {
            case TOPIC -> "--topic";
            case GROUP -> "--group";
            case TRANSACTIONAL_ID -> "--transactional-id";
            default -> throw new IllegalArgumentException("no kafka-acls.sh option for " + grant.type());
        };
        return "kafka-acls.sh --bootstrap-server $BOOTSTRAP --command-config admin.properties --add"
                + " --allow-principal User:" + grant.user()
                + " --operation " + camel(grant.operation())
                + " " + resource + " " + grant.name()
                + (grant.pattern() == PREFIXED ? " --resource-pattern-type prefixed" : "");
    }

    /** DESCRIBE_CONFIGS → DescribeConfigs, as kafka-acls.sh spells operations. */
    private static String camel(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String part : operation.name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
