/** Draws the toolbar icon (two overlapping frames on blue) at each manifest size; run once, PNGs are committed. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Coverage of a unit-square design at (u, v) in [0,1]: 0 transparent, 1 blue, 2 white, 3 amber. */
function design(u: number, v: number): number {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return 0;
  const frame = (x0: number, y0: number, s: number, w: number) =>
    u >= x0 && u <= x0 + s && v >= y0 && v <= y0 + s && !(u >= x0 + w && u <= x0 + s - w && v >= y0 + w && v <= y0 + s - w);
  if (frame(0.18, 0.18, 0.42, 0.09)) return 2;
  if (frame(0.4, 0.4, 0.42, 0.09)) return 3;
  return 1;
}

const COLORS: Array<[number, number, number, number]> = [[0, 0, 0, 0], [31, 78, 121, 255], [255, 255, 255, 255], [255, 196, 0, 255]];

for (const size of [16, 32, 48, 128]) {
  const ss = 4;
  const buf = png(size, (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < ss; i++)
      for (let j = 0; j < ss; j++) {
        const c = COLORS[design((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size)] as number[];
        for (let k = 0; k < 4; k++) acc[k] = (acc[k] as number) + (c[k] as number) * (k < 3 ? (c[3] as number) / 255 : 1);
      }
    const a = (acc[3] as number) / (ss * ss);
    return a === 0 ? [0, 0, 0, 0] : [0, 1, 2].map((k) => Math.round((acc[k] as number) / (ss * ss) / (a / 255))).concat(Math.round(a)) as [number, number, number, number];
  });
  writeFileSync(resolve(import.meta.dirname, `../public/icon/${size}.png`), buf);
}
