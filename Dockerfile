# One image for every Pactwire service: the command picks the service (topics, ingest, enrich, store).
#
# Build stage, in two layers:
# 1. the Maven wrapper, the poms and a build of the empty modules: it downloads Maven, the plugins and every
#    dependency into the image's ~/.m2. That layer changes only when a pom does, so a source change builds
#    offline from it instead of downloading everything again. DockerfileIT checks every module's pom is copied.
# 2. the sources, built offline: target/pactwire.jar and its lib folder (the services' class path, without
#    Kafka's broker, Scala or log4j, which only `demo` uses and which stay in target/lib-broker, not copied).
# jlink then makes a Java runtime of only the JDK modules Pactwire uses (about 50 MB instead of a full JRE's
# 200). The module list is what `jdeps --print-module-deps` finds in the jars of lib, plus the modules loaded
# as services (TLS, SASL, DNS, charsets) and those of monitoring agents: remote JMX (jdk.management.agent)
# and -javaagent (java.instrument, for Prometheus' JMX exporter); DockerfileIT checks it covers jdeps' list.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY model/pom.xml model/
COPY runtime/pom.xml runtime/
COPY tagger/pom.xml tagger/
COPY ingest/pom.xml ingest/
COPY enrich/pom.xml enrich/
COPY store/pom.xml store/
COPY serve/pom.xml serve/
COPY connect/pom.xml connect/
COPY embedded-kafka/pom.xml embedded-kafka/
COPY testkit/pom.xml testkit/
COPY testing/pom.xml testing/
COPY app/pom.xml app/
COPY examples/pom.xml examples/
COPY bench/pom.xml bench/
RUN ./mvnw -B -q -Dmaven.test.skip=true -pl app -am package && rm -rf */target
COPY . .
RUN ./mvnw -B -q -o -Dmaven.test.skip=true -pl app -am package
RUN jlink --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.security.auth,jdk.unsupported,jdk.zipfs \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/java

# Run stage: glibc and libstdc++ (RocksDB's native library needs them), the runtime, the jar, a
# non-root user.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /var/lib/pactwire --create-home pactwire \
 && mkdir -p /var/lib/pactwire/ingest /var/lib/pactwire/enrich /var/lib/pactwire/store /var/lib/pactwire/serve \
 && chown -R pactwire /var/lib/pactwire
COPY --from=build /opt/java /opt/java
COPY --from=build /src/app/target/lib /opt/pactwire/lib
COPY --from=build /src/app/target/pactwire.jar /opt/pactwire/pactwire.jar
ENV PATH=/opt/java/bin:$PATH
USER pactwire
WORKDIR /var/lib/pactwire
# Size the heap from the container's memory limit, not the host's; stop rather than limp on out of memory.
# Monitoring agents go in JAVA_TOOL_OPTIONS too (docs/operations.md, "Metrics"), for example
# -javaagent:/agents/jmx_prometheus_javaagent.jar=9404:/agents/config.yaml from a mounted folder.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/pactwire/pactwire.jar"]
CMD ["--help"]
