# The gateway alone, as production runs it (`npm run start:gateway`): Node 24, built JS, production
# dependencies only, a non-root user, a health check. Configure it with environment variables
# (docs/deployment.md); it needs Redis (REDIS_URL) and the agencies and identity providers it is told of.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The SDL is read at start-up (schema/ beside dist/).
COPY schema ./schema
# The registered operations (npm run codegen): every id the client kit has shipped, for persisted operations
# and the safelist (SAFELIST=on).
COPY operations/registered.json ./operations/registered.json
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
