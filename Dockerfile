# Lumiku's two images, built from this one file:
#
#   docker build -t lumiku .                          the application (the last stage, the default)
#   docker build --target broker -t lumiku-broker .   its Artemis broker, configured as ./run's
#
# compose.yaml runs both with PostgreSQL, two application instances and their volumes; the
# Kubernetes manifests are in deploy/kubernetes (docs/runbook.md). Alone:
#
#   docker run -p 8080:8080 -v lumiku-data:/var/lib/lumiku \
#     -e LUMIKU_DB_HOST=db -e LUMIKU_DB_PASSWORD=... -e LUMIKU_BROKER_HOST=artemis \
#     -e LUMIKU_BROKER_PASSWORD=... -e LUMIKU_BROKER_MANAGEMENT_PASSWORD=... lumiku
#
# Both entrypoints (bin/check-credentials) refuse to start without their passwords, or with a
# default, short or shared one (README, Security); each password may instead come from a file,
# <NAME>_FILE (Docker secrets). Every setting is an environment variable (README, Settings).
#
# The application's volume holds the images (unless LUMIKU_STORAGE_MODE=s3 keeps them in a bucket),
# the token signing key (unless LUMIKU_AUTH_SIGNING_KEY_FILE names one) and Payara's transaction log
# (payara/txlog), which XA recovery needs after a crash, so it must outlive the container.
# PAYARA_CLASS_ARCHIVE=off: the JVM would write its class-data archive at the first stop, which takes
# longer than `docker stop` waits before SIGKILL. Payara unpacks itself at every start into
# PAYARA_INSTANCE_DIR, in the container's own file system: the data volume may be shared.
# A stop ends within LUMIKU_STOP_GRACE (20 s; the JVM halts itself then, README "Stopping"):
# `docker stop -t 30` gives it that; Kubernetes' default grace (30 s) does. HEALTHCHECK is readiness
# (bin/probe: plain bash, the images carry no curl); orchestrators that tell the three apart probe
# /health/started, /health/live and /health/ready.
#
# The base images are pulled by tag; pin them by digest in a registry you control for production.
# No Docker engine runs on the development machines: ContainerFilesTest checks this file's
# structure and every path it copies, not a built image (docs/runbook.md, Limits).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
COPY server-config server-config
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
 && mkdir -p target/broker/launcher \
 && javac -nowarn -cp 'target/broker/lib/*' -d target/broker/launcher server-config/BrokerMain.java

# The broker: bin/broker run, in the foreground, with server-config/broker.xml (queues, dead letters,
# redelivery, security); the journal on the volume. The launcher is compiled above: this image has
# no compiler, and bin/broker uses a compiled launcher as it is when there is none.
FROM eclipse-temurin:17-jre AS broker
RUN groupadd --system --gid 10001 artemis \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/lumiku-broker --shell /usr/sbin/nologin artemis \
 && mkdir -p /opt/lumiku/target /var/lib/lumiku-broker \
 && chown artemis:artemis /var/lib/lumiku-broker
COPY --from=build /src/target/broker /opt/lumiku/target/broker
COPY bin/broker bin/check-credentials /opt/lumiku/bin/
COPY server-config/broker.xml server-config/broker-logging.properties server-config/BrokerMain.java /opt/lumiku/server-config/
USER 10001:10001
WORKDIR /opt/lumiku
ENV LUMIKU_BROKER_HOST=0.0.0.0 \
    LUMIKU_BROKER_PORT=61616 \
    BROKER_JAVA_OPTS="-XX:MaxRAMPercentage=60"
VOLUME /var/lib/lumiku-broker
EXPOSE 61616
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "(exec 3<>/dev/tcp/127.0.0.1/61616) 2>/dev/null"]
ENTRYPOINT ["/opt/lumiku/bin/check-credentials", "--broker", "/opt/lumiku/bin/broker", "run", "/var/lib/lumiku-broker"]

# The application on the official Payara Micro image: the same launcher as ./run (bin/payara), with
# the deployment gate and the RAR deployed before the WAR by server-config/post-boot-commands.asadmin.
FROM payara/micro:6.2025.10-jdk17 AS app
USER root
# payara/txlog exists in the image, owned by payara, so that a volume mounted there for one
# instance's transaction log (compose.yaml) starts with that owner.
RUN mkdir -p /opt/lumiku /var/lib/lumiku/payara/txlog && chown -R payara:payara /var/lib/lumiku
COPY --from=build /src/target/lumiku.war /src/target/artemis-ra.rar /src/target/deployment-gate.war /opt/lumiku/target/
COPY --from=build /src/target/lib /opt/lumiku/target/lib
COPY bin/payara bin/check-credentials bin/probe /opt/lumiku/bin/
COPY server-config /opt/lumiku/server-config
# payara (uid and gid 1000 in the base image), by number: Kubernetes can check runAsNonRoot only
# against a numeric user.
USER 1000:1000
WORKDIR /opt/lumiku

ENV PAYARA_MICRO_JAR=/opt/payara/payara-micro.jar \
    PAYARA_JAVA_OPTS="-XX:MaxRAMPercentage=60" \
    LUMIKU_HTTP_ADDRESS=0.0.0.0 \
    LUMIKU_HTTP_PORT=8080 \
    LUMIKU_DATA_DIR=/var/lib/lumiku \
    PAYARA_CLASS_ARCHIVE=off \
    PAYARA_INSTANCE_DIR=/tmp/payara-instance \
    LUMIKU_DB_PORT=5432 \
    LUMIKU_BROKER_PORT=61616
VOLUME /var/lib/lumiku
EXPOSE 8080
# A start takes 15-40 s (Flyway, the RAR, the WAR); readiness is DOWN until the WAR has deployed.
HEALTHCHECK --interval=10s --timeout=6s --start-period=90s --retries=3 \
  CMD ["/opt/lumiku/bin/probe", "/health/ready"]

ENTRYPOINT ["/opt/lumiku/bin/check-credentials", "/opt/lumiku/bin/payara"]
