import { Agent, request } from 'undici';
import { Webhook } from 'standardwebhooks';
import { addressLiteral, isPublicAddress, publicOnlyLookup, RefusedAddressError } from './addresses.js';

/** Response bodies are kept up to this size (the rest is not read). */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

export interface SignedMessage {
  /** `webhook-id`: the same for every attempt of a delivery. */
  id: string;
  body: string;
  /** Current secret first; the previous one during its grace period. */
  secrets: string[];
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string | null;
}

/** The Standard Webhooks headers: one `v1,<signature>` per secret, space-separated. */
export function signatureHeaders(message: SignedMessage, at: Date): Record<string, string> {
  const signatures = message.secrets.map((secret) => new Webhook(secret).sign(message.id, at, message.body));
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}

/**
 * Sockets to public addresses only (checked after DNS resolution, at connect time), unless
 * private targets are allowed. One agent per process: connections to a partner are reused.
 */
export function deliveryAgent(allowPrivate: boolean): Agent {
  return new Agent({
    connect: allowPrivate ? {} : { lookup: publicOnlyLookup },
    keepAliveTimeout: 4_000,
    connections: 8,
  });
}

/**
 * One POST of a signed message. 2xx is success; redirects are not followed (a 3xx is a failure);
 * the whole exchange is bounded by `timeoutMs`; the response body is read up to 64 KB.
 */
export async function sendWebhook(agent: Agent, url: string, message: SignedMessage, options: SendOptions): Promise<AttemptOutcome> {
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  const failed = (error: string, statusCode: number | null = null): AttemptOutcome => ({
    ok: false,
    statusCode,
    durationMs: duration(),
    error,
    responseBody: null,
  });
  const target = new URL(url);
  const literal = addressLiteral(target.hostname);
  // An address literal is never looked up, so the lookup's check does not see it: check it here.
  if (!options.allowPrivate && literal && !isPublicAddress(literal)) return failed(new RefusedAddressError(target.hostname, literal).message);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await request(target, {
      method: 'POST',
      dispatcher: agent,
      signal,
      headers: { 'content-type': 'application/json', 'user-agent': 'mpp-webhooks/1', ...signatureHeaders(message, new Date()) },
      body: message.body,
    });
    const statusCode = response.statusCode;
    const responseBody = await readCapped(response.body);
    const ok = statusCode >= 200 && statusCode < 300;
    return { ok, statusCode, durationMs: duration(), error: ok ? null : `HTTP ${statusCode}`, responseBody };
  } catch (error) {
    if (signal.aborted) return failed(`No answer within ${options.timeoutMs} ms.`);
    return failed(describe(error));
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_RESPONSE_BYTES) break;
    }
  } catch {
    // what was read so far is kept; the status code decides
  } finally {
    body.destroy();
  }
  const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
  return text.length > 0 ? text : null;
}

function describe(error: unknown): string {
  if (error instanceof RefusedAddressError) return error.message;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof RefusedAddressError) return cause.message;
  const code = (error as { code?: string }).code ?? (cause as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}
