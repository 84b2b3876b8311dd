package io.pactwire.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against a real Kafka cluster, one clean cluster per class. Test constructors,
 * lifecycle methods and test methods may declare a {@link KafkaTestCluster} parameter.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaClusterExtension.class)
public @interface KafkaTest {
    /** Which cluster; by default decided at run time (see {@link Backend#AUTO}). */
    Backend backend() default Backend.AUTO;
}
