import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Request, Response } from 'express';
import type { Logger } from '@mpp/kit';
import { INTERNAL_CREDENTIAL_HEADER, REQUEST_ID_HEADER, requestIdFrom, signInternalRequest } from '@mpp/kit';

const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'if-none-match', 'if-modified-since'];
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'cache-control',
  'etag',
  'last-modified',
  'connection',
  // The file's own policy (the gateway's headers, `nosniff` among them, are set on every answer).
  'content-security-policy',
];

function pick(headers: IncomingHttpHeaders, names: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/**
 * Streams a request to a subgraph's HTTP route and its answer back (upload bytes, files), so
 * clients use the gateway's one origin and nothing is held whole in the gateway's memory.
 */
export function proxyTo(baseUrl: string, logger: Logger, internalSecret: Buffer, answered?: () => void) {
  return (req: Request, res: Response) => {
    const target = new URL(req.originalUrl, baseUrl);
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    // Signed as the gateway; the upload URL itself is the client's capability (no Authorization).
    const credential = signInternalRequest(internalSecret, { method: req.method, path: `${target.pathname}${target.search}` });
    const upstream = httpRequest(
      target,
      {
        method: req.method,
        headers: {
          ...pick(req.headers, FORWARDED_REQUEST_HEADERS),
          [REQUEST_ID_HEADER]: requestId,
          [INTERNAL_CREDENTIAL_HEADER]: credential,
        },
      },
      (answer) => {
        // The subgraph has answered (what it wrote is committed), before the client hears it.
        answered?.();
        res.status(answer.statusCode ?? 502);
        for (const [name, value] of Object.entries(pick(answer.headers, FORWARDED_RESPONSE_HEADERS))) res.setHeader(name, value);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        answer.pipe(res);
      },
    );
    // A client that goes away (mid-upload or mid-download) must not leave the subgraph's side open.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.on('error', (error) => {
      logger.warn({ err: error, requestId, target: target.pathname }, 'subgraph route unavailable');
      if (!res.headersSent) res.status(502).json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'The service is unavailable; try again shortly.' } });
      else res.destroy();
    });
    req.pipe(upstream);
  };
}
