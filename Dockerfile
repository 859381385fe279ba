# syntax=docker/dockerfile:1
# The application image for the production profile (see docker-compose.yml). Tests run in CI, not here.

# --- build: the project's own Maven wrapper (pinned Maven version) on a JDK 17 ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY shared-kernel/ shared-kernel/
COPY command-side/ command-side/
COPY query-side/ query-side/
COPY ui-adapter/ ui-adapter/
# The cache mount keeps downloaded dependencies between builds without putting them in a layer.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -DskipTests

# --- runtime: a JRE, the jar, an unprivileged user ---
FROM eclipse-temurin:17-jre
# curl for the health check (the Temurin images ship it today; installing it keeps the check independent of that)
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 opera360 \
    && useradd --system --uid 10001 --gid opera360 --home-dir /app --shell /usr/sbin/nologin opera360 \
    && mkdir -p /app/data \
    && chown opera360:opera360 /app/data
WORKDIR /app
COPY --from=build /src/ui-adapter/target/opera360.jar /app/opera360.jar

# Everything the application keeps on disk (the e-mail outbox without SMTP, export files) lives under the data dir.
ENV OPERA360_DATA_DIR=/app/data \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /app/data

USER opera360:opera360
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/opera360.jar"]
