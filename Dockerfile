# syntax=docker/dockerfile:1
# paperwire's image: one image for every paperwire service (docker-compose.yml runs ingest, enrich and notify from it
# with different commands). Stage 1 builds the shaded launcher jar app/target/paperwire.jar with Maven (tests are
# CI's job: `mvn verify`); stage 2 runs it on a Java 17 runtime. Configuration: PAPERWIRE_* environment variables
# (docs/configuration.md); JVM options: PAPERWIRE_JAVA_OPTS, as with the ./paperwire launcher.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# Only the launcher and the modules it needs (-am); interop is test-only.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
RUN groupadd --system paperwire && useradd --system --gid paperwire --home-dir /var/lib/paperwire paperwire \
    && mkdir -p /var/lib/paperwire && chown paperwire:paperwire /var/lib/paperwire
COPY --from=build /src/app/target/paperwire.jar /opt/paperwire/paperwire.jar
USER paperwire
WORKDIR /var/lib/paperwire
ENV PAPERWIRE_DATA_DIR=/var/lib/paperwire \
    PAPERWIRE_JAVA_OPTS="-Xms128m -Xmx512m"
EXPOSE 8080
# exec: signals reach the JVM, so `docker stop` closes the services cleanly.
ENTRYPOINT ["/bin/sh", "-c", "exec java $PAPERWIRE_JAVA_OPTS -jar /opt/paperwire/paperwire.jar \"$@\"", "paperwire"]
CMD ["--help"]
