# auth0-scan as a container image: the npm package this repository packs, with its runtime dependencies only, run
# by a non-root user, and nothing written outside the working directory, so `--read-only` works.
#
#   docker build -t auth0-scan:0.1.0 .
#   docker run --rm --read-only auth0-scan:0.1.0 scan --demo
#   docker run --rm --read-only -e AUTH0_DOMAIN -e AUTH0_CLIENT_ID -e AUTH0_CLIENT_SECRET \
#     -v "$PWD/reports:/data" auth0-scan:0.1.0 scan --json-output report.json --html-output report.html
#
# docs/container.md says more. test/e2e/dockerfile.test.ts lints this file; test/e2e/container-image.test.ts builds and
# runs it where a container engine (docker or podman) answers.

FROM node:24-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
# Install scripts stay off: the build needs TypeScript's compiler, not any package's postinstall.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# The image holds exactly what the npm tarball holds (package.json "files"), plus its production dependencies.
RUN npm run build \
 && npm pack --ignore-scripts --pack-destination /tmp \
 && mkdir /out \
 && tar -xzf /tmp/auth0-scan-*.tgz -C /out \
 && cp package-lock.json /out/package/ \
 && cd /out/package \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm package-lock.json

FROM node:24-alpine
LABEL org.opencontainers.image.title="auth0-scan" \
      org.opencontainers.image.description="Security posture scanner for Auth0 tenants" \
      org.opencontainers.image.source="https://github.com/auth0-scan/auth0-scan" \
      org.opencontainers.image.licenses="Apache-2.0"
# The scanner needs node alone: without npm, npx, yarn and corepack an image scanner has less to report and a shell
# in the container less to run. (This hides them in a layer; it does not make the image smaller.)
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
      /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-* \
 && mkdir /data \
 && chown 1000:1000 /data
# Owned by root and not writable by the user that runs it.
COPY --from=build /out/package /opt/auth0-scan
RUN ln -s /opt/auth0-scan/bin/auth0-scan.js /usr/local/bin/auth0-scan
# Reports and snapshots go here: mount a volume (the root filesystem may be read-only).
WORKDIR /data
# The image's `node` user, by number, so Kubernetes' runAsNonRoot can verify it without a runAsUser.
USER 1000:1000
ENTRYPOINT ["auth0-scan"]
CMD ["--help"]
