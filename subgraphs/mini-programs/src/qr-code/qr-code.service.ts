import QRCode from 'qrcode';
import type { MiniProgramRow, VersionRow } from '../db/schema.js';

/** The scheme the super app opens mini programs with. */
export const DEEP_LINK_BASE = 'miniprogram://launch';

const PAGE = /^[A-Za-z0-9_\-./]{1,200}(\?[A-Za-z0-9_\-.~=&%]{0,300})?$/;

/** A page path such as `pages/index/index?from=qr`; no spaces, no scheme. */
export function isValidPage(page: string): boolean {
  return PAGE.test(page) && !page.includes('..') && !page.startsWith('/');
}

/** The deep link a code encodes: the released mini program, or its trial version. */
export function deepLink(miniProgram: MiniProgramRow, page: string | null, trial: VersionRow | null): string {
  const params = new URLSearchParams({ appId: miniProgram.id });
  if (page) params.set('page', page);
  if (trial) {
    params.set('version', trial.version);
    params.set('mode', 'trial');
  }
  return `${DEEP_LINK_BASE}?${params.toString()}`;
}

/** The code as an SVG document, drawn by the `qrcode` library. */
export function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
