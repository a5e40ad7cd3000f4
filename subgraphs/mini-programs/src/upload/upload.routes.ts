import { eq } from 'drizzle-orm';
import type { Express } from 'express';
import type { MiniProgramsDeps } from '../context.js';
import { uploads } from '../db/schema.js';
import { isId } from '@mpp/kit';
import { receiveUpload, UploadRefused } from './upload.service.js';

/**
 * `PUT /uploads/:id?signature=…` receives staged upload bytes; `GET /files/:id` serves logos in use.
 * The gateway forwards both from its public origin.
 */
export function uploadRoutes(app: Express, deps: MiniProgramsDeps): void {
  app.put('/uploads/:uploadId', async (req, res) => {
    const length = req.headers['content-length'];
    try {
      const upload = await receiveUpload(deps, {
        uploadId: req.params.uploadId,
        signature: typeof req.query.signature === 'string' ? req.query.signature : '',
        contentLength: length === undefined ? null : Number(length),
        body: req,
      });
      res.json({ uploadId: upload.id, byteSize: upload.byteSize, sha256: upload.sha256 });
    } catch (error) {
      if (error instanceof UploadRefused) {
        // Stop reading a body we refused before it arrived; the client sees the answer at once.
        res.setHeader('connection', 'close');
        res.status(error.status).json({ error: { code: error.code, message: error.message } });
        return;
      }
      deps.logger.error({ err: error }, 'upload failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
    }
  });

  app.get('/files/:uploadId', async (req, res) => {
    const [upload] = isId(req.params.uploadId) ? await deps.db.select().from(uploads).where(eq(uploads.id, req.params.uploadId)) : [];
    if (!upload || upload.purpose !== 'LOGO' || upload.status !== 'CONSUMED' || !upload.detectedType) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such file.' } });
      return;
    }
    res.setHeader('content-type', upload.detectedType);
    // Served as what it is and nothing else: no sniffing into HTML, no scripts, styles or frames.
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "default-src 'none'");
    res.setHeader('content-length', String(upload.byteSize));
    // An upload's bytes never change: cache forever.
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    (await deps.blobs.read(upload.id)).pipe(res);
  });
}
