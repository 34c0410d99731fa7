# Three stages: production dependencies are built (better-sqlite3 compiles natively) in the first, the web
# components are bundled with Vite (a development dependency) in the second, and only the production tree, the
# sources and the bundled UI travel to the final image, which runs as the unprivileged `node` user.
#
# Node.js 22 (maintained until April 2027; 20's support ended in April 2026), the version in
# .ci/production-node-version, on which CI runs the whole suite too. Not 24 yet: with better-sqlite3 up to 12 (MikroORM 6
# pins 11.10.0), Node 24 aborts the process when a finished statement is collected after its thread's environment is
# gone ("Assertion failed: (env) != nullptr"); seven of this suite's test files die of it on 24.21.

FROM node:22.23.3-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3=3.11.2-1+b1 make=4.3-4.1 g++=4:12.2.0-3 \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:22.23.3-bookworm-slim AS ui
WORKDIR /app
COPY package.json package-lock.json ./
# Vite and its bundler ship prebuilt binaries as optional packages; no install script is needed to bundle.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY bin ./bin
COPY ui ./ui
RUN node bin/build-ui.js --force

FROM node:22.23.3-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json addon.config.yaml openapi.json manifest.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node config ./config
COPY --chown=node:node runtime ./runtime
COPY --chown=node:node plugins ./plugins
COPY --from=ui --chown=node:node /app/dist/ui ./dist/ui
# Transpile once into dist/, so `start` needs no TypeScript loader at run time.
RUN node bin/build.js && chown -R node:node dist && mkdir -p /data && chown node:node /data
USER node
# SQLite file and the generated encryption key live here; mount a volume to keep them.
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/addon.js", "start"]
