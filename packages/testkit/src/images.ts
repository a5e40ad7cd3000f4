import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real PNG of `width`×`height` RGB pixels: one colour, or random noise (which does not
 * compress, for files of a chosen size).
 */
export function png(width: number, height: number, options: { noise?: boolean; rgb?: [number, number, number] } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = width * 3 + 1;
  const pixels = options.noise ? randomBytes(row * height) : Buffer.alloc(row * height);
  const [r, g, b] = options.rgb ?? [51, 102, 204];
  for (let y = 0; y < height; y++) {
    pixels[y * row] = 0; // filter: none
    if (!options.noise) for (let x = 0; x < width; x++) pixels.set([r, g, b], y * row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Image files made with ImageMagick: `logo-square.jpg` (120×120), `logo-wide.jpg` (120×90), `logo-square.gif`, `logo-square.webp`. */
export function fixture(name: 'logo-square.jpg' | 'logo-wide.jpg' | 'logo-square.gif' | 'logo-square.webp'): Buffer {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
}
