import { INTERNAL_CREDENTIAL_HEADER, loadInternalSecret, signInternalRequest } from '@mpp/kit';
import type { TestPlatform } from '@mpp/testkit';

export interface RawGraphQLResponse<TData = unknown> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The `/graphql` URL of one of the platform's subgraphs. */
export function subgraphUrl(platform: TestPlatform, name: string): string {
  const subgraph = platform.platform.subgraphs.find((candidate) => candidate.name === name);
  if (!subgraph) throw new Error(`the platform runs no ${name} subgraph`);
  return `${subgraph.url}/graphql`;
}

/** The gateway's credential for one request to a subgraph, signed with the platform's secret. */
export function gatewayCredential(platform: TestPlatform, request: { method?: string; path?: string; authorization?: string | null }) {
  const secret = loadInternalSecret(platform.config);
  return { [INTERNAL_CREDENTIAL_HEADER]: signInternalRequest(secret, { method: request.method ?? 'POST', path: request.path ?? '/graphql', authorization: request.authorization ?? null }) };
}

/**
 * Sends a GraphQL request straight to a subgraph (Accounts unless named), as the gateway (or
 * another subgraph's entity reference) would: the way to reach `_entities`, which the public API
 * schema does not expose. Signed as the gateway unless `asGateway` is false.
 */
export async function askAccountsSubgraph<TData = unknown>(
  platform: TestPlatform,
  request: {
    query: string;
    variables?: Record<string, unknown>;
    token?: string | null;
    authorization?: string;
    subgraph?: string;
    asGateway?: boolean;
    headers?: Record<string, string>;
  },
): Promise<RawGraphQLResponse<TData>> {
  const url = subgraphUrl(platform, request.subgraph ?? 'accounts');
  const authorization = request.authorization ?? (request.token ? `Bearer ${request.token}` : undefined);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
      ...(request.asGateway === false ? {} : gatewayCredential(platform, { authorization })),
      ...request.headers,
    },
    body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
  });
  return { status: response.status, ...((await response.json()) as Omit<RawGraphQLResponse<TData>, 'status'>) };
}

/** `Workspace` entities by id, resolved by Accounts as the gateway resolves references from other subgraphs. */
export function workspaceEntities<TData = unknown>(platform: TestPlatform, ids: string[], selection: string, token: string | null) {
  return askAccountsSubgraph<{ _entities: (TData | null)[] }>(platform, {
    query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Workspace { ${selection} } } }`,
    variables: { representations: ids.map((id) => ({ __typename: 'Workspace', id })) },
    token,
  });
}

/** A GraphQL request straight to one subgraph by name (`mini-programs`, `orders`, …), as the gateway sends it. */
export async function askSubgraph<TData = unknown>(
  platform: TestPlatform,
  name: string,
  request: { query: string; variables?: Record<string, unknown>; token?: string | null },
): Promise<RawGraphQLResponse<TData>> {
  // Signed as the gateway: what a subgraph answers the gateway is what is checked here.
  return askAccountsSubgraph<TData>(platform, { ...request, subgraph: name });
}
