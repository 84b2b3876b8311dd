# One image for every Pactwire service: the command picks the service (topics, ingest, enrich, store).
#
# Build stage: the Maven wrapper builds the runnable jar and its lib folder, and jlink makes a Java
# runtime of only the JDK modules Pactwire uses (about 50 MB instead of a full JRE's 200). The module
# list is what `jdeps --print-module-deps` finds in the app's jars, plus the modules loaded as services
# (TLS, SASL, DNS, charsets); DockerfileIT checks it still covers jdeps' list.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -Dmaven.test.skip=true -pl app -am package
RUN jlink --add-modules java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.naming.dns,jdk.security.auth,jdk.unsupported,jdk.zipfs \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/java

# Run stage: glibc and libstdc++ (RocksDB's native library needs them), the runtime, the jar, a
# non-root user.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /var/lib/pactwire --create-home pactwire \
 && mkdir -p /var/lib/pactwire/enrich /var/lib/pactwire/serve && chown -R pactwire /var/lib/pactwire
COPY --from=build /opt/java /opt/java
COPY --from=build /src/app/target/lib /opt/pactwire/lib
COPY --from=build /src/app/target/pactwire.jar /opt/pactwire/pactwire.jar
ENV PATH=/opt/java/bin:$PATH
USER pactwire
WORKDIR /var/lib/pactwire
# Size the heap from the container's memory limit, not the host's; stop rather than limp on out of memory.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/pactwire/pactwire.jar"]
CMD ["--help"]
