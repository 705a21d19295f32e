# syntax=docker/dockerfile:1
# Chronicle: the API and the built admin panel in one image. PostgreSQL runs beside it
# (see docker-compose.yml); the embedded PostgreSQL of `npm start` is not installed here.
# Node 24 LTS (Node 20 reached its end of life on 2026-04-30). `.ci/run` reads the version
# from the runtime stage's FROM line and runs the API tests under that same Node.

FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY server/package.json server/
COPY admin/package.json admin/
# Optional dependencies stay in the build stage: Vite's bundler (Rolldown) ships its native
# binary as one. The runtime stage below leaves them out.
RUN npm ci --ignore-scripts
COPY server server
COPY admin admin
COPY migrations migrations
COPY fixtures fixtures
RUN npm run build

FROM node:24.22.3-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm cache clean --force
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/admin/dist admin/dist
COPY fixtures fixtures
# Where `node server/dist/server/src/cli/backup.js` writes (a volume in docker-compose.yml).
RUN mkdir backups && chown node:node backups
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# --heap-growing-percent=20: V8 collects before its heap swells; --max-semi-space-size=16: Node 20's
# young generation, which Node 24 would let grow to +100 MB during an export. Exports stay within a few MB (README).
CMD ["node", "--heap-growing-percent=20", "--max-semi-space-size=16", "server/dist/server/src/main.js"]
