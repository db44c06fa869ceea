/**
 * Draws the app icon with Node alone (no ImageMagick on build machines): a red rounded square with a
 * golden star over a white ledger. Writes build/icon.png (512), build/icons/<n>x<n>.png for Linux, and
 * build/icon.ico (BMP entries up to 128 px, PNG at 256 px, which NSIS and Windows Explorer both read).
 * Run: node build/generate-icons.mjs
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const buildDir = path.dirname(fileURLToPath(import.meta.url));

const RED_TOP = [214, 34, 40];
const RED_BOTTOM = [176, 14, 22];
const GOLD = [255, 209, 0];
const WHITE = [255, 255, 255];
const CREAM = [250, 232, 190];
const LINE_RED = [200, 22, 29];

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) {
    return false;
  }
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const STAR = (() => {
  const points = [];
  for (let i = 0; i < 10; i += 1) {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? 0.135 : 0.054;
    points.push([0.5 + radius * Math.cos(angle), 0.255 + radius * Math.sin(angle)]);
  }
  return points;
})();

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Colour (RGB) and coverage (0/1) of one sample point in unit coordinates. */
function sample(x, y) {
  if (!insideRoundedRect(x, y, 0, 0, 1, 1, 0.19)) {
    return null;
  }
  if (insidePolygon(x, y, STAR)) {
    return GOLD;
  }
  if (insideRoundedRect(x, y, 0.25, 0.43, 0.75, 0.83, 0.035)) {
    if (x < 0.31) {
      return CREAM;
    }
    for (const lineY of [0.545, 0.635, 0.725]) {
      if (x >= 0.36 && x <= 0.69 && Math.abs(y - lineY) <= 0.016) {
        return LINE_RED;
      }
    }
    return WHITE;
  }
  return RED_TOP.map((top, channel) => Math.round(top + (RED_BOTTOM[channel] - top) * y));
}

/** RGBA pixels, 4x4 supersampled so that edges are smooth at every size. */
function render(size) {
  const grid = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < grid; sy += 1) {
        for (let sx = 0; sx < grid; sx += 1) {
          const color = sample((px + (sx + 0.5) / grid) / size, (py + (sy + 0.5) / grid) / size);
          if (color !== null) {
            r += color[0];
            g += color[1];
            b += color[2];
            covered += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((covered / (grid * grid)) * 255);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    // Filter byte 0 (none) per row, then the row.
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP icon image: BITMAPINFOHEADER, bottom-up BGRA, then an all-zero AND mask. */
function encodeIconBitmap(size, pixels) {
  const header = Buffer.alloc(40);
  const maskRowBytes = Math.ceil(size / 32) * 4;
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour + mask height
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRowBytes * size, 20);
  const bgra = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      bgra[to] = pixels[from + 2];
      bgra[to + 1] = pixels[from + 1];
      bgra[to + 2] = pixels[from];
      bgra[to + 3] = pixels[from + 3];
    }
  }
  return Buffer.concat([header, bgra, Buffer.alloc(maskRowBytes * size)]);
}

function encodeIco(images) {
  const directory = Buffer.alloc(6 + images.length * 16);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + index * 16;
    directory[entry] = size >= 256 ? 0 : size;
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, entry + 4); // planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(data.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...images.map(({ data }) => data)]);
}

const rendered = new Map();
function pixelsFor(size) {
  if (!rendered.has(size)) {
    rendered.set(size, render(size));
  }
  return rendered.get(size);
}

await mkdir(path.join(buildDir, 'icons'), { recursive: true });
await writeFile(path.join(buildDir, 'icon.png'), encodePng(512, pixelsFor(512)));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  await writeFile(path.join(buildDir, 'icons', `${size}x${size}.png`), encodePng(size, pixelsFor(size)));
}
const icoImages = [16, 24, 32, 48, 64, 128].map((size) => ({ size, data: encodeIconBitmap(size, pixelsFor(size)) }));
icoImages.push({ size: 256, data: encodePng(256, pixelsFor(256)) });
await writeFile(path.join(buildDir, 'icon.ico'), encodeIco(icoImages));
console.log('wrote build/icon.png, build/icons/*.png, build/icon.ico');
