# Lumiku on the official Payara Micro image: the same launcher as ./run (bin/payara), with the
# deployment gate and the RAR deployed before the WAR by server-config/post-boot-commands.asadmin.
#
#   docker build -t lumiku .
#   docker run -p 8080:8080 -v lumiku-data:/var/lib/lumiku \
#     -e LUMIKU_DB_HOST=db -e LUMIKU_DB_PASSWORD=... -e LUMIKU_BROKER_HOST=artemis \
#     -e LUMIKU_BROKER_PASSWORD=... -e LUMIKU_BROKER_MANAGEMENT_PASSWORD=... lumiku
#
# The entrypoint (bin/check-credentials) refuses to start without those three passwords, or with a
# default, short or shared one (README, Security); it then runs bin/payara.
#
# PostgreSQL (with max_prepared_transactions > 0) and the Artemis broker (server-config/broker.xml)
# run outside this container; every setting is an environment variable (see README). The volume
# holds the images (unless LUMIKU_STORAGE_MODE=s3 keeps them in a bucket), the token signing key and Payara's transaction log, which XA recovery needs
# after a crash, so it must outlive the container. PAYARA_CLASS_ARCHIVE=off: the JVM would write its
# class-data archive at the first stop, which takes longer than `docker stop` waits before SIGKILL.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
COPY server-config server-config
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package

FROM payara/micro:6.2025.10-jdk17
USER root
RUN mkdir -p /opt/lumiku /var/lib/lumiku && chown payara:payara /var/lib/lumiku
COPY --from=build /src/target/lumiku.war /src/target/artemis-ra.rar /src/target/deployment-gate.war /opt/lumiku/target/
COPY --from=build /src/target/lib /opt/lumiku/target/lib
COPY bin/payara bin/check-credentials /opt/lumiku/bin/
COPY server-config /opt/lumiku/server-config
USER payara
WORKDIR /opt/lumiku

ENV PAYARA_MICRO_JAR=/opt/payara/payara-micro.jar \
    PAYARA_JAVA_OPTS="-XX:MaxRAMPercentage=70" \
    LUMIKU_HTTP_ADDRESS=0.0.0.0 \
    LUMIKU_HTTP_PORT=8080 \
    LUMIKU_DATA_DIR=/var/lib/lumiku \
    PAYARA_CLASS_ARCHIVE=off \
    LUMIKU_DB_PORT=5432 \
    LUMIKU_BROKER_PORT=61616
VOLUME /var/lib/lumiku
EXPOSE 8080

# Orchestrators probe /health/live, /health/ready and /health/started (MicroProfile Health).
ENTRYPOINT ["/opt/lumiku/bin/check-credentials", "/opt/lumiku/bin/payara"]
