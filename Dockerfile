# The CLI's container image for teams that build with Docker; the same image as
# `./mvnw -pl llm-proxy-cli jib:build` gives (entrypoint, user, working directory, labels, /app layout).
#   docker build --build-arg VERSION=1.4.0 --build-arg REVISION="$(git rev-parse HEAD)" \
#     --build-arg CREATED="$(git show -s --format=%cI HEAD)" \
#     --build-arg SOURCE=https://github.com/<owner>/<repo> -t llm-proxy .
# Base images are pinned by digest (multi-platform indexes); bump them deliberately. The build arguments
# BUILD_IMAGE and RUNTIME_IMAGE replace them (the tests build on local images made from the host's JDK).
# The dependency plugin is pinned too, so the build resolves no plugin versions from repository metadata.

ARG BUILD_IMAGE=maven:3.9.9-eclipse-temurin-17@sha256:f58d59b6273e785ac0a4477f6e9b5ba1d7731c75b906c0f7b34076f1851318cc
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre@sha256:5bc826c8e0e248515161ebdb3cc7ea3f50a09d5570155493f7a933bcb5f7a644

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl llm-proxy-cli -am package -DskipTests \
 && mvn -B -ntp -pl llm-proxy-cli org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/libs \
 && mkdir -p /out/app \
 && cp -r llm-proxy-cli/target/classes /out/app/classes \
 && cp -r llm-proxy-cli/target/libs /out/app/libs \
 && printf '%s' '/app/classes:/app/libs/*' > /out/app/jib-classpath-file

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=1970-01-01T00:00:00Z
ARG SOURCE=https://github.com/llm-proxy/llm-proxy
LABEL org.opencontainers.image.title="llm-proxy" \
      org.opencontainers.image.description="The llm-proxy command: plans a release in-process and cuts it through the release-maven-plugin goals, or from tags alone in a repository without a pom." \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.url="${SOURCE}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}"
COPY --from=build /out/app /app
COPY llm-proxy-cli/src/main/jib/usr/local/bin/llm-proxy /usr/local/bin/llm-proxy
USER 65532:65532
WORKDIR /workspace
ENTRYPOINT ["/usr/local/bin/llm-proxy"]
