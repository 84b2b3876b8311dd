package io.pactwire.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts (or opens) one cluster per test class before its first test and closes it after its last. The
 * cluster is resolved as a {@link KafkaTestCluster} parameter anywhere in the class.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaClusterExtension.class);
    private static final String KEY = "cluster";

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return cluster(context);
    }

    private static KafkaTestCluster cluster(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Holder holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, k -> start(classContext), Holder.class);
        return holder.cluster;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getTestMethod().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Holder start(ExtensionContext context) {
        Backend requested = context.getRequiredTestClass() == null ? Backend.AUTO
                : AnnotationSupport.findAnnotation(context.getRequiredTestClass(), KafkaTest.class)
                        .map(KafkaTest::backend).orElse(Backend.AUTO);
        Backend backend = BackendSelection.choose(requested, System.getProperties(), System.getenv());
        try {
            KafkaTestCluster cluster = switch (backend) {
                case EMBEDDED -> EmbeddedKafkaCluster.start();
                case TESTCONTAINERS -> ContainerKafkaCluster.start();
                case EXTERNAL -> ExternalKafkaCluster.open(
                        BackendSelection.bootstrapServers(System.getProperties(), System.getenv()));
                case AUTO -> throw new IllegalStateException("backend AUTO must have been resolved");
            };
            return new Holder(cluster);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the " + backend + " Kafka cluster: " + e.getMessage(), e);
        }
    }

    /** Closes the cluster when the class's store is closed. */
    private static final class Holder implements AutoCloseable {
        private final KafkaTestCluster cluster;

        Holder(KafkaTestCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public void close() throws Exception {
            cluster.close();
        }
    }
}
