# One image for every service of the platform; docker-compose.yml picks the process per container.
# Node 22 LTS in the image (the code itself also runs on Node 20.19+).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/kit/package.json packages/kit/
COPY packages/client/package.json packages/client/
COPY packages/testkit/package.json packages/testkit/
COPY subgraphs/accounts/package.json subgraphs/accounts/
COPY subgraphs/service-market/package.json subgraphs/service-market/
COPY subgraphs/mini-programs/package.json subgraphs/mini-programs/
COPY subgraphs/orders/package.json subgraphs/orders/
COPY subgraphs/webhooks/package.json subgraphs/webhooks/
COPY gateway/package.json gateway/
COPY tests/package.json tests/
COPY scripts/package.json scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx turbo run build --filter=@mpp/gateway...
# The runtime needs only the services' built code, their migrations, the schema and production
# dependencies: no sources, tests, test kit, benchmarks or dev dependencies.
RUN npm prune --omit=dev \
  && rm -rf tests scripts packages/testkit node_modules/@mpp/e2e node_modules/@mpp/testkit node_modules/@mpp/scripts \
  && find packages subgraphs gateway -maxdepth 2 \( -name src -o -name test -o -name 'tsconfig*.json' -o -name 'vitest.config.ts' -o -name 'drizzle.config.ts' \) -prune -exec rm -rf {} +

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# DATA_DIR (token keys, uploads) belongs to the user the services run as.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4000
CMD ["node", "--enable-source-maps", "gateway/dist/main.js"]
