import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkLogo, endsAtImageEnd } from '../src/upload/upload.rules.js';

const fixture = (name: string) => readFileSync(new URL(`../../../packages/testkit/fixtures/${name}`, import.meta.url));

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]); // CRC not checked here
}

/** A 4×4 grey PNG. */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(4, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(4 * 5, 0x80))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const HTML = Buffer.from('<html><script>alert(document.domain)</script></html>');

describe('logo bytes end where the image ends', () => {
  it('accepts a PNG and a JPEG that end at IEND / EOI', () => {
    expect(endsAtImageEnd(png(), 'png')).toBe(true);
    expect(endsAtImageEnd(fixture('logo-square.jpg'), 'jpg')).toBe(true);
    expect(checkLogo(png())).toEqual({ ok: true, type: 'image/png' });
    expect(checkLogo(fixture('logo-square.jpg'))).toEqual({ ok: true, type: 'image/jpeg' });
  });

  it('refuses a PNG or a JPEG with HTML appended', () => {
    expect(endsAtImageEnd(Buffer.concat([png(), HTML]), 'png')).toBe(false);
    expect(endsAtImageEnd(Buffer.concat([fixture('logo-square.jpg'), HTML]), 'jpg')).toBe(false);
    expect(checkLogo(Buffer.concat([png(), HTML]))).toMatchObject({ ok: false, message: expect.stringContaining('after the end') });
    expect(checkLogo(Buffer.concat([fixture('logo-square.jpg'), HTML]))).toMatchObject({ ok: false });
  });

  it('refuses a JPEG whose appended bytes end with an EOI marker of their own', () => {
    const disguised = Buffer.concat([fixture('logo-square.jpg'), HTML, Buffer.from([0xff, 0xd9])]);
    expect(endsAtImageEnd(disguised, 'jpg')).toBe(false);
  });

  it('refuses truncated images', () => {
    const jpeg = fixture('logo-square.jpg');
    expect(endsAtImageEnd(jpeg.subarray(0, jpeg.length - 2), 'jpg')).toBe(false);
    const image = png();
    expect(endsAtImageEnd(image.subarray(0, image.length - 12), 'png')).toBe(false);
  });
});
