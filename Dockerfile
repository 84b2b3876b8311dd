# One image for every Pactwire service: the command picks the service (ingest, enrich, store, topics).
# Build stage: the Maven wrapper builds the runnable jar and its lib folder.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -Dmaven.test.skip=true -pl app -am package

# Run stage: a JRE, a non-root user, and the jar.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/pactwire --create-home pactwire \
 && mkdir -p /var/lib/pactwire/enrich && chown -R pactwire /var/lib/pactwire
COPY --from=build /src/app/target/lib /opt/pactwire/lib
COPY --from=build /src/app/target/pactwire.jar /opt/pactwire/pactwire.jar
USER pactwire
WORKDIR /var/lib/pactwire
# Size the heap from the container's memory limit, not the host's.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/pactwire/pactwire.jar"]
CMD ["--help"]
