import type { PlatformClient, VariablesArg } from '@mpp/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ExecutionResult } from 'graphql';
import type { TestPlatform } from './platform.js';

/** A live subscription of a test: results arrive in order; `take(n)` waits for the next n. */
export interface Subscriber<TData> {
  take(count: number, timeoutMs?: number): Promise<ExecutionResult<TData>[]>;
  /** Results that arrived and were not taken yet. */
  readonly pending: number;
  close(): Promise<void>;
}

/**
 * Subscribes as a front end would and resolves once the gateway serves the subscription (or has
 * refused it), so that what the test does next is delivered.
 */
export async function subscribe<TData, TVariables>(
  /** The platform, or one gateway of several. */
  target: TestPlatform | { activeSubscriptions(): number },
  client: PlatformClient,
  document: TypedDocumentNode<TData, TVariables>,
  ...variables: VariablesArg<TVariables>
): Promise<Subscriber<TData>> {
  const gateway = 'platform' in target ? target.platform.gateway : target;
  const before = gateway.activeSubscriptions();
  const iterator = client.subscribe(document, ...variables);
  const received: ExecutionResult<TData>[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  const pump = (async () => {
    try {
      for await (const result of { [Symbol.asyncIterator]: () => iterator }) {
        received.push(result);
        waiters.splice(0).forEach((wake) => wake());
      }
    } catch (error) {
      // graphql-ws rejects with the server's GraphQL errors, or with the close event of a refused socket.
      const errors = Array.isArray(error)
        ? error
        : [{ message: String((error as { reason?: string; message?: string })?.reason || (error as Error)?.message || error), extensions: { closeCode: (error as { code?: number })?.code } }];
      received.push({ errors } as unknown as ExecutionResult<TData>);
    } finally {
      ended = true;
      waiters.splice(0).forEach((wake) => wake());
    }
  })();
  // Generous: on a loaded CI machine the gateway may take seconds to serve it.
  const deadline = Date.now() + 60_000;
  while (gateway.activeSubscriptions() <= before && received.length === 0 && !ended) {
    if (Date.now() > deadline) throw new Error('the subscription did not start');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    get pending() {
      return received.length;
    },
    async take(count, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && !ended) {
        const left = until - Date.now();
        if (left <= 0) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      if (received.length < count) throw new Error(`expected ${count} results, got ${received.length}${ended ? ' (the subscription ended)' : ''}`);
      return received.splice(0, count);
    },
    async close() {
      await iterator.return?.(undefined);
      await pump;
    },
  };
}

/** Waits until `check` holds (polling), for what happens asynchronously on the server. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
