// Draws the extension icon (a shield with a check mark) and writes it as a PNG, using only zlib, so
// the icon can be regenerated without image tools. The PNG it writes is committed.
const { writeFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 128;
const BACKGROUND = [0, 0, 0, 0];
const SHIELD = [32, 92, 168, 255];
const RIM = [18, 52, 100, 255];
const CHECK = [255, 255, 255, 255];

/** True inside the shield: straight sides down to the middle, then a curve to a point at the bottom. */
function inShield(x, y, inset) {
  const top = 14 + inset;
  const bottom = 116 - inset;
  const half = 46 - inset;
  const middle = 64;
  if (y < top || y > bottom) return false;
  const shoulder = 62;
  if (y <= shoulder) return Math.abs(x - middle) <= half;
  const t = (y - shoulder) / (bottom - shoulder);
  return Math.abs(x - middle) <= half * Math.sqrt(1 - t * t);
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function pixel(x, y) {
  const onCheck = segmentDistance(x, y, [42, 64], [58, 82]) < 6 || segmentDistance(x, y, [58, 82], [88, 46]) < 6;
  if (inShield(x, y, 7)) return onCheck ? CHECK : SHIELD;
  if (inShield(x, y, 0)) return RIM;
  return BACKGROUND;
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    // Each scanline starts with its filter type; 0 means the bytes are stored as they are.
    rows.push(Buffer.from([0, ...Array.from({ length: SIZE }, (_, x) => pixel(x, y)).flat()]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.resolve(__dirname, '..', 'images', 'icon.png');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, png());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
