# rw-gateway image: `docker build -t rw-gateway:0.1.0 .` at the repo root (the tag the Helm chart's
# default image names: helm/rw-gateway/values.yaml `image`).
#
# Stage 1 builds the shaded jar with the repo's own build; stage 2 is a JRE 17 with only the jar.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The reactor reads every module's pom, so the whole tree goes in (.dockerignore keeps target/ out).
COPY . .
# The gateway and the modules it needs, without tests (they run in CI: `mvn -B verify`).
RUN mvn -B -q -DskipTests -pl gateway -am package

FROM eclipse-temurin:17-jre
# A numeric non-root user, the chart's securityContext.runAsUser/runAsGroup (a test keeps them
# equal): with a number, Kubernetes can check runAsNonRoot without reading /etc/passwd.
RUN groupadd --system --gid 10001 rwgateway \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin rwgateway
COPY --from=build /src/gateway/target/rw-gateway.jar /app/rw-gateway.jar
COPY --from=build /src/gateway/jvm.options /app/jvm.options
USER 10001:10001
EXPOSE 9201
# The JVM flags are the shipped gateway/jvm.options (a java @-file: heap as a share of the
# container's memory limit, G1 rather than the SerialGC the JVM picks under 2 CPUs or 1792 MiB, a
# restart rather than a JVM left running after an OutOfMemoryError); the chart's default command is
# the same (a test keeps them equal). Arguments (e.g. --config FILE) follow; none runs the embedded
# default.
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/rw-gateway.jar"]
