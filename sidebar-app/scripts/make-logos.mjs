// Writes the app's logos (assets/logo.png 320x320, assets/logo-small.png 128x128) as real
// PNGs: a Zendesk-green rounded square with a white ring open to the right.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size) {
  const rows = [];
  const c = (size - 1) / 2;
  const corner = size * 0.18;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // Rounded-square mask.
      const dx = Math.max(corner - x, 0, x - (size - 1 - corner));
      const dy = Math.max(corner - y, 0, y - (size - 1 - corner));
      const inside = Math.hypot(dx, dy) <= corner;
      const r = Math.hypot(x - c, y - c);
      const angle = Math.abs(Math.atan2(y - c, x - c));
      const ring = r > size * 0.2 && r < size * 0.32 && angle > Math.PI / 4;
      const dot = Math.hypot(x - c, y - c) < size * 0.07;
      const [R, G, B] = ring || dot ? [255, 255, 255] : [3, 54, 61];
      row.set([R, G, B, inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const assets = new URL('../../assets/', import.meta.url);
mkdirSync(assets, { recursive: true });
writeFileSync(new URL('logo.png', assets), png(320));
writeFileSync(new URL('logo-small.png', assets), png(128));
console.log('wrote assets/logo.png and assets/logo-small.png');
