# syntax=docker/dockerfile:1
# The Calls API as a container image. Configuration comes from the environment only (see docs/operating.md,
# "Running it for real"); the embedded SQLite file, when used, lives on the volume /app/data.
#
#   docker build -t calls-api .
#   docker run -p 3000:3000 -e JWT_SECRET=... -e DATABASE_URL=mysql://... calls-api
#
# BASE_IMAGE is any Debian bookworm image with Node.js 20.19+ at /usr/local/bin (the official one by default).
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 is a native addon: where no prebuilt binary fits, npm compiles it with python3, make and g++.
RUN if ! command -v g++ >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then \
      apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*; \
    fi
COPY package.json package-lock.json ./
# Behind a TLS-inspecting proxy, pass its CA for npm: `--secret id=npm_ca,src=/path/to/ca.pem` (never stored in a
# layer). No install script runs until the dev tooling is gone; then only better-sqlite3's.
RUN --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca npm_config_cafile=/run/secrets/npm_ca; fi; \
    npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src ./src
RUN node node_modules/typescript/bin/tsc -p tsconfig.build.json --incremental false --sourceMap false
RUN --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca npm_config_cafile=/run/secrets/npm_ca; fi; \
    npm prune --omit=dev --no-audit --no-fund && npm rebuild better-sqlite3 && npm cache clean --force \
    && find node_modules -mindepth 1 -type d -empty -delete

FROM ${BASE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
# A user of its own, without a shell or a home; the code is root's and read-only to it, only /app/data is its.
RUN groupadd --system --gid 10001 calls \
    && useradd --system --uid 10001 --gid calls --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin calls \
    && mkdir -p /app/data && chown calls:calls /app/data
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER 10001:10001
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself: it stops taking connections, answers those in flight, then exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
