// Generates assets/icon.png (512x512): a white shield with a check mark on a blue rounded square.
// Run once with `node assets/make-icon.mjs` and commit the PNG; nothing runs this at build or test time.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const { PNG } = pngjs;
const SIZE = 512;
const SAMPLES = 4; // 4x4 supersampling for smooth edges
const BLUE = [15, 76, 129];
const WHITE = [255, 255, 255];

function inRoundedSquare(x, y) {
  const margin = 16;
  const radius = 96;
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= radius * radius;
}

function inShield(x, y) {
  const left = 136;
  const right = 376;
  const top = 92;
  const shoulder = 216;
  if (y < top || x < left || x > right) return false;
  if (y <= shoulder) return true;
  // Below the shoulder: two arcs of radius `width`, centred on the opposite corners, meeting in a point.
  const width = right - left;
  const r2 = width * width;
  return (x - left) ** 2 + (y - shoulder) ** 2 <= r2 && (x - right) ** 2 + (y - shoulder) ** 2 <= r2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

const CHECK = [
  [186, 266],
  [238, 320],
  [330, 200],
];

function inCheck(x, y) {
  const half = 20;
  return distanceToSegment(x, y, CHECK[0], CHECK[1]) <= half || distanceToSegment(x, y, CHECK[1], CHECK[2]) <= half;
}

/** Colour and coverage of one sample point. */
function sample(x, y) {
  if (!inRoundedSquare(x, y)) return null;
  if (inShield(x, y) && !inCheck(x, y)) return WHITE;
  return BLUE;
}

const png = new PNG({ width: SIZE, height: SIZE });
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let covered = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        covered++;
      }
    }
    const i = (py * SIZE + px) * 4;
    png.data[i] = covered ? Math.round(r / covered) : 0;
    png.data[i + 1] = covered ? Math.round(g / covered) : 0;
    png.data[i + 2] = covered ? Math.round(b / covered) : 0;
    png.data[i + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
  }
}

const target = fileURLToPath(new URL('./icon.png', import.meta.url));
writeFileSync(target, PNG.sync.write(png));
console.log(`wrote ${target}`);
