import type { TestPlatform } from '@mpp/testkit';
import { expect } from 'vitest';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** A request to the gateway exactly as given: no client library smoothing anything over. */
export async function rawRequest(
  platform: TestPlatform,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const response = await fetch(`${platform.origin}${init.path ?? '/graphql'}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? { 'content-type': 'application/json' },
    body: init.body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs a JSON body (given as a string, so it can be broken on purpose). */
export function postJson(platform: TestPlatform, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(platform, { body, headers: { 'content-type': 'application/json', ...headers } });
}

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * A refusal a GraphQL client can read: the expected 4xx status, a JSON body `{ errors: [...] }` with
 * a message and an `extensions.code` per error, and nothing internal (no stack trace).
 */
export function expectGraphQLShapedError(response: RawResponse, status: number, code: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/json/);
  const body = response.json as { errors?: FormattedError[]; data?: unknown };
  expect(Array.isArray(body?.errors) && body.errors.length > 0, response.text).toBe(true);
  for (const error of body.errors!) {
    expect(typeof error.message).toBe('string');
    expect(error.extensions?.code).toBe(code);
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(error.extensions).not.toHaveProperty('exception');
  }
  expect(body.data ?? null).toBeNull();
}
