# Built and run only through the scripts the test suite runs (tests/integration/builtServer.int.test.ts):
# `npm run build` in the build stage, `npm ci --omit=dev` and `node src/main.js` in the runtime.
# Not built on the project's machines (no Docker daemon there): see docs/deploying.md.

# --- build: full install, generated code, compiled JavaScript, prebuilt pages -------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: the build's output with production dependencies only, as a non-root user ----------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app/build/package.json /app/build/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/build/ ./
USER node
EXPOSE 4000
# /ready: Postgres migrated and reachable, Neo4j reachable (or deliberately off).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains (SHUTDOWN_GRACE_MS); keep the orchestrator's stop timeout above it.
STOPSIGNAL SIGTERM
CMD ["node", "src/main.js"]
