# The gateway alone, as production runs it (`npm run start:gateway`): Node 24, built JS with source maps,
# production dependencies only, a non-root user, a health check. Configure it with environment variables
# (docs/deployment.md); it needs Redis (REDIS_URL), PostgreSQL (DATABASE_URL) and the agencies and identity
# providers it is told of. CI cannot build images (no Docker engine there); it builds the same JavaScript
# and runs it as this image does (`npm run build && npm run start:gateway`, scripts/probe-built.ts).

# node:24-bookworm-slim (Node 24.18.0), pinned by digest so that a rebuild is the same image; move it on
# deliberately (Renovate or Dependabot's docker ecosystem propose the new digest).
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# One install: everything for the build, then the development dependencies pruned away for the image.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
# The commit this image is built from (`docker build --build-arg BUILD_REVISION=$(git rev-parse --short HEAD)`),
# shown by the build_info metric.
ARG BUILD_REVISION=unknown
ENV NODE_ENV=production BUILD_REVISION=${BUILD_REVISION}
# Stack traces in the log point at the TypeScript source (the build writes the maps beside the JS).
ENV NODE_OPTIONS=--enable-source-maps
WORKDIR /app
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The SDL is read at start-up (schema/ beside dist/).
COPY schema ./schema
# The registered operations (npm run codegen): every id the client kit has shipped, for persisted operations
# and the safelist (on in production).
COPY operations/registered.json ./operations/registered.json
USER node
# The application, and /metrics for the scraper only (METRICS_PORT).
EXPOSE 4000 9464
# SIGTERM stops the gateway gracefully within SHUTDOWN_GRACE_SECONDS (9 by default), inside Docker's 10 s.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
