# One image for every service of the platform; docker-compose.yml picks the process per container.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/kit/package.json packages/kit/
COPY packages/client/package.json packages/client/
COPY packages/testkit/package.json packages/testkit/
COPY subgraphs/accounts/package.json subgraphs/accounts/
COPY subgraphs/service-market/package.json subgraphs/service-market/
COPY subgraphs/mini-programs/package.json subgraphs/mini-programs/
COPY subgraphs/orders/package.json subgraphs/orders/
COPY gateway/package.json gateway/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx turbo run build --filter=@mpp/gateway... && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 4000
CMD ["node", "--enable-source-maps", "gateway/dist/main.js"]
