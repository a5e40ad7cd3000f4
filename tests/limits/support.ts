import type { TestPlatform } from '@mpp/testkit';
import { expect } from 'vitest';
import { rawRequest, type RawResponse } from '../support/http.js';

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: { cost?: CostExtension };
}

/** A raw GraphQL POST (attacks are not typed operations), timed. */
export async function post(
  platform: TestPlatform,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<RawResponse & { body: GraphQLBody; ms: number }> {
  const started = performance.now();
  const response = await rawRequest(platform, {
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
  });
  return { ...response, body: response.json as GraphQLBody, ms: performance.now() - started };
}

/**
 * Runs `attack` while `/healthz` is polled back to back: the attack must not hold the event loop,
 * so every health answer comes quickly. Returns what the attack returned.
 */
export async function whileHealthy<T>(platform: TestPlatform, attack: () => Promise<T>): Promise<T> {
  let done = false;
  const slowest: number[] = [];
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${platform.origin}/healthz`);
      expect(response.status).toBe(200);
      await response.text();
      slowest.push(performance.now() - started);
    }
  })();
  try {
    return await attack();
  } finally {
    done = true;
    await poll;
    expect(slowest.length).toBeGreaterThan(0);
    // Generous for a loaded CI machine; the unprotected platform did not answer for seconds.
    expect(Math.max(...slowest)).toBeLessThan(1_500);
  }
}

export function nest(depth: number, open: (level: number) => string, leaf: string): string {
  let query = leaf;
  for (let level = depth - 1; level >= 0; level--) query = `${open(level)} { ${query} }`;
  return query;
}
