# The agent's image: the distribution `mvn package` builds, on Debian's slim base.
#   mvn -B -DskipTests package
#   docker build --build-arg VERSION=0.1.0-SNAPSHOT -t db-bootstrap-agent:0.1.0-SNAPSHOT .
# The distribution brings its own Java runtime (runtime/, made by jlink), so the base needs no JDK;
# bin/db-bootstrap-agent is a POSIX sh script, so it needs a shell: debian slim, not distroless.
# Without arguments the container runs one-shot (a Job, an init container); pass --serve for the
# long-running mode (port 9464), --check for a startup probe.

# A dated tag, so a rebuild starts from the same base; move it on deliberately.
ARG BASE_IMAGE=debian:bookworm-20251229-slim

# Unpacked in a stage of its own: unpacking in the final stage would keep the archive in a layer.
FROM ${BASE_IMAGE} AS unpack
ARG VERSION=0.1.0-SNAPSHOT
COPY target/db-bootstrap-agent-${VERSION}.tar.gz /tmp/distribution.tar.gz
RUN mkdir /opt/db-bootstrap-agent \
 && tar -xzf /tmp/distribution.tar.gz -C /opt/db-bootstrap-agent --strip-components=1 \
 && test -x /opt/db-bootstrap-agent/bin/db-bootstrap-agent

FROM ${BASE_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="db-bootstrap-agent" \
      org.opencontainers.image.description="Database bootstrap agent for the MCP gateway, on Eclipse Vert.x" \
      org.opencontainers.image.version="${VERSION}"
# Owned by root and read-only to the agent: the image works with a read-only root filesystem (the
# start-up cache is only read; a writable /tmp is all a run needs).
COPY --from=unpack /opt/db-bootstrap-agent /opt/db-bootstrap-agent
RUN useradd --system --uid 10001 --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin agent
USER 10001:10001
# conf/bootstrap.json is read from the working directory; environment variables override it.
WORKDIR /opt/db-bootstrap-agent
EXPOSE 9464
# No HEALTHCHECK here: the image has no curl, and a check of /health/ready would only make sense in
# serve mode. docker-compose.yml checks the serve-mode agents with bash's /dev/tcp; Kubernetes uses
# its own probes (deploy/kubernetes/).
ENTRYPOINT ["/opt/db-bootstrap-agent/bin/db-bootstrap-agent"]
