# syntax=docker/dockerfile:1
#
# One image for the whole suite. The command chooses what runs (ENTRYPOINT is tini, so the
# command is whatever follows it):
#   node dist/apps/api-gateway/src/main.js          (the default)
#   node dist/apps/platform-adapters/src/main.js
#   node dist/apps/persistence/src/main.js
#   node dist/apps/monitor/src/main.js
#   node docker/migrate-all.mjs                     one-shot: migrate the primary, then the backup
#   node scripts/start-suite.mjs                    all four apps in one container (Railway)
# Build: docker build -t karmabot .   Details: docs/deploy.md

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Every dependency, dev ones included: what compiling needs.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. Compile (tsc + tsc-alias) into dist/.
FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts ./scripts
COPY libs ./libs
COPY apps ./apps
RUN npm run build

# 3. Production dependencies only: nothing from devDependencies reaches the runtime image.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 4. Runtime: Node 20 slim, files owned by root and read-only to the app user, runs as `node`.
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to node and reaps the children of the all-in-one launcher.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini=0.19.0-1+b3 \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY scripts ./scripts
COPY docker/healthcheck.mjs docker/migrate-all.mjs docker/mint-service-role-key.mjs ./docker/
# The `node` user of the base image, by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
# 8000 is the gateway's public port; 8001-8003 are the other apps' health and metrics ports.
EXPOSE 8000 8001 8002 8003
# Liveness only (/healthz never touches a database), so a database outage restarts nothing.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "docker/healthcheck.mjs"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/api-gateway/src/main.js"]
