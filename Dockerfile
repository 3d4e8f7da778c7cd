# syntax=docker/dockerfile:1
# One image for every bureaunet service; the compose file picks the service by its command
# (`node dist/services/<service>.js`). Not built on the machines this repository is developed
# on (no Docker there): kept correct by review and by test/docs/compose.docs-spec.ts.

# Build: the full image has python3, make and g++ for native modules without a prebuilt binary.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime: the same Debian release as the build, so native modules (sqlite3, argon2) load as built.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY deploy/health-probe.js deploy/broker-user-line.js ./deploy/
# Each service's named volume is mounted at /data (no VOLUME here: state only where the compose
# file names it): made here and owned by `node`, so Docker gives a new volume that owner.
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
USER node
CMD ["node", "-e", "console.error('choose a service: node dist/services/<registry|gateway|evaluator|witness|node>.js'); process.exit(2)"]
