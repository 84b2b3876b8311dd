package io.pactwire.testkit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A one-node KRaft cluster in the test JVM whose clients connect over SASL_SSL with SCRAM-SHA-512, as a
 * secured production cluster would have them; {@link EmbeddedKafkaCluster} stays the plain one.
 *
 * <p>Listeners:
 * <ul>
 *   <li>{@code SECURE} (SASL_SSL, SCRAM-SHA-512): what {@link #bootstrapServers()} returns, for the
 *       services under test. Its TLS certificate (CN and SAN {@code localhost}, self-signed) is made at
 *       start with the JDK's {@code keytool} in a temporary folder; clients trust it through
 *       {@link #trustStore()}.</li>
 *   <li>{@code EXTERNAL} (PLAINTEXT) and {@code CONTROLLER} (PLAINTEXT), on localhost: the broker's own
 *       inter-broker and controller traffic, and the bootstrap of the SCRAM users (a SCRAM user cannot
 *       log in before it exists). Their principal is {@code User:ANONYMOUS}, a super user.</li>
 * </ul>
 *
 * <p>With {@link Builder#withAcls()} the {@code StandardAuthorizer} is on and
 * {@code allow.everyone.if.no.acl.found=false}: a SCRAM user may do only what ACLs allow, except
 * {@link #ADMIN_USER}, a super user whose settings {@link #clientProperties()} returns.
 */
public final class SecureEmbeddedKafkaCluster implements KafkaTestCluster {
    /** The super user the test itself connects as, over SASL_SSL. */
    public static final String ADMIN_USER = "admin";
    private static final String SECURE = "SECURE";
    private static final String INTERNAL = "EXTERNAL"; // the test kit's name for the broker listener
    private static final String MECHANISM = "SCRAM-SHA-512";

    private final KafkaClusterTestKit cluster;
    private final Path tlsDir;
    private final Path trustStore;
    private final String storePassword;
    private final String adminPassword;
    private final String secureBootstrap;

    private SecureEmbeddedKafkaCluster(KafkaClusterTestKit cluster, Path tlsDir, Path trustStore, String storePassword,
                                       String adminPassword, String secureBootstrap) {
        this.cluster = cluster;
        this.tlsDir = tlsDir;
        this.trustStore = trustStore;
        this.storePassword = storePassword;
        this.adminPassword = adminPassword;
        this.secureBootstrap = secureBootstrap;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the cluster is secured beyond SASL_SSL. */
    public static final class Builder {
        private boolean acls;

        private Builder() {
        }

        /** Turns authorization on: nothing is allowed to a SCRAM user but what ACLs grant. */
        public Builder withAcls() {
            this.acls = true;
            return this;
        }

        public SecureEmbeddedKafkaCluster start() throws Exception {
            return SecureEmbeddedKafkaCluster.start(acls);
        }
    }

    private static SecureEmbeddedKafkaCluster start(boolean acls) throws Exception {
        Path tlsDir = Files.createTempDirectory("pactwire-tls-");
        String storePassword = UUID.randomUUID().toString();
        Path keyStore = tlsDir.resolve("broker.p12");
        Path trustStore = tlsDir.resolve("truststore.p12");
        Path certificate = tlsDir.resolve("broker.crt");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", storePassword);
        keytool("-exportcert", "-alias", "broker", "-rfc", "-file", certificate.toString(),
                "-keystore", keyStore.toString(), "-storepass", storePassword);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", storePassword);

        String secure = "listener.name." + SECURE.toLowerCase() + ".";
        KafkaClusterTestKit.Builder builder = EmbeddedKafkaCluster.singleNode()
                // The test kit pre-binds the ports of its own listeners; SECURE binds any free port.
                .setConfigProp("listeners", INTERNAL + "://localhost:0,CONTROLLER://localhost:0," + SECURE + "://localhost:0")
                .setConfigProp("listener.security.protocol.map",
                        INTERNAL + ":PLAINTEXT,CONTROLLER:PLAINTEXT," + SECURE + ":SASL_SSL")
                .setConfigProp("sasl.enabled.mechanisms", MECHANISM)
                .setConfigProp(secure + "sasl.enabled.mechanisms", MECHANISM)
                .setConfigProp(secure + MECHANISM.toLowerCase() + ".sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .setConfigProp(secure + "ssl.keystore.type", "PKCS12")
                .setConfigProp(secure + "ssl.keystore.location", keyStore.toString())
                .setConfigProp(secure + "ssl.keystore.password", storePassword)
                .setConfigProp(secure + "ssl.key.password", storePassword);
        if (acls) {
            builder.setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .setConfigProp("allow.everyone.if.no.acl.found", "false")
                    // ANONYMOUS is who comes in over the plaintext listeners: the broker itself and the
                    // bootstrap of the SCRAM users; only localhost reaches them.
                    .setConfigProp("super.users", "User:ANONYMOUS;User:" + ADMIN_USER);
        }
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            int port = cluster.brokers().values().iterator().next().boundPort(new ListenerName(SECURE));
            SecureEmbeddedKafkaCluster secured = new SecureEmbeddedKafkaCluster(cluster, tlsDir, trustStore,
                    storePassword, UUID.randomUUID().toString(), "localhost:" + port);
            secured.createUser(ADMIN_USER, secured.adminPassword);
            return secured;
        } catch (Exception e) {
            cluster.close();
            Utils.delete(tlsDir.toFile());
            throw e;
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    /**
     * Creates (or changes the password of) a SCRAM-SHA-512 user, and waits until the broker knows it, so
     * that the user can log in as soon as this returns.
     */
    public void createUser(String user, String password) throws Exception {
        try (Admin admin = internalAdmin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get(30, TimeUnit.SECONDS);
        }
        Awaitility.await("SCRAM user " + user + " can log in").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> {
                    try (Admin admin = Admin.create(clientProperties(user, password))) {
                        return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
                    }
                });
    }

    /** The SASL_SSL settings of a client that logs in as {@code user}. */
    public Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> props = new LinkedHashMap<>(securitySettings(user, password));
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, secureBootstrap);
        return props;
    }

    /**
     * The security settings as strings (no bootstrap servers), as a client properties file or
     * {@code KAFKA_*} variables would carry them.
     */
    public Map<String, String> securitySettings(String user, String password) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        props.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + user + "\" password=\"" + password + "\";");
        props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toString());
        props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, storePassword);
        return props;
    }

    /** The truststore (PKCS12) that holds the broker's certificate. */
    public Path trustStore() {
        return trustStore;
    }

    /** An Admin client on the plaintext listener, as the super user ANONYMOUS; the caller closes it. */
    public Admin internalAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @Override
    public Backend backend() {
        return Backend.EMBEDDED;
    }

    /** The SASL_SSL listener. */
    @Override
    public String bootstrapServers() {
        return secureBootstrap;
    }

    /** Settings of the super user {@link #ADMIN_USER} on the SASL_SSL listener. */
    @Override
    public Map<String, Object> clientProperties() {
        return clientProperties(ADMIN_USER, adminPassword);
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            Utils.delete(tlsDir.toFile());
        }
    }
}
