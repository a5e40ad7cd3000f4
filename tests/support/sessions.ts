import { INTERNAL_CREDENTIAL_HEADER, loadInternalSecret, signInternalRequest } from '@mpp/kit';
import type { TestPlatform } from '@mpp/testkit';

/** Every door a token can be presented at: each gateway's `/graphql` and each subgraph's. */
export interface Doors {
  gateways: string[];
  subgraphs: string[];
}

export function doorsOf(platform: TestPlatform, extraGateways: string[] = []): Doors {
  return {
    gateways: [platform.url, ...extraGateways],
    subgraphs: platform.platform.subgraphs.map((subgraph) => `${subgraph.url}/graphql`),
  };
}

/** The HTTP status a door answers `{ __typename }` with, for this token (subgraphs: signed as the gateway). */
export async function statusAt(platform: TestPlatform, url: string, token: string, asGateway: boolean): Promise<number> {
  const authorization = `Bearer ${token}`;
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization };
  if (asGateway) {
    const { pathname } = new URL(url);
    headers[INTERNAL_CREDENTIAL_HEADER] = signInternalRequest(loadInternalSecret(platform.config), { method: 'POST', path: pathname, authorization });
  }
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) });
  await response.arrayBuffer();
  return response.status;
}

/** The status of every door for this token. */
export async function statusesAt(platform: TestPlatform, doors: Doors, token: string): Promise<number[]> {
  return Promise.all([
    ...doors.gateways.map((url) => statusAt(platform, url, token, false)),
    ...doors.subgraphs.map((url) => statusAt(platform, url, token, true)),
  ]);
}

/**
 * Milliseconds until every door refuses the token with 401 (each door polled until it does), or
 * `Infinity` if one still accepts it after `limitMs`.
 */
export async function msUntilRefusedEverywhere(platform: TestPlatform, doors: Doors, token: string, limitMs = 5_000): Promise<number> {
  const started = performance.now();
  const urls = [...doors.gateways.map((url) => [url, false] as const), ...doors.subgraphs.map((url) => [url, true] as const)];
  const delays = await Promise.all(
    urls.map(async ([url, asGateway]) => {
      while (performance.now() - started < limitMs) {
        if ((await statusAt(platform, url, token, asGateway)) === 401) return performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return Number.POSITIVE_INFINITY;
    }),
  );
  return Math.max(...delays);
}
