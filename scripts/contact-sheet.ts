/**
 * Contact sheet of a rendered talk: every thumbnail of `<dir>/thumbnails` scaled down into one
 * grid, each numbered in its corner. Usage: tsx scripts/contact-sheet.ts [THUMBNAIL_DIR] [OUT_PNG]
 * (default: out/scaling-python/thumbnails and docs/contact-sheet.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

const dir = process.argv[2] ?? 'out/scaling-python/thumbnails';
const out = process.argv[3] ?? 'docs/contact-sheet.png';
const COLS = 4;
const CELL_W = Number(process.env.CELL_WIDTH ?? 480);
const GAP = 12;
const BG = [24, 24, 27];

// 3x5 digits, one row of three bits per line: enough to number slides without a font file.
const DIGITS = ['111101101101111', '010110010010111', '111001111100111', '111001111001111', '101101111001001', '111100111001111', '111100111101111', '111001001001001', '111101111101111', '111101111001111'];

const files = fs.readdirSync(dir).filter((f) => /^\d+-.*\.png$/.test(f)).sort();
if (files.length === 0) throw new Error(`no thumbnails in ${dir}`);
const first = PNG.sync.read(fs.readFileSync(path.join(dir, files[0])));
const cellH = Math.round((CELL_W * first.height) / first.width);
const rows = Math.ceil(files.length / COLS);
const sheet = new PNG({ width: COLS * CELL_W + (COLS + 1) * GAP, height: rows * cellH + (rows + 1) * GAP });
for (let i = 0; i < sheet.data.length; i += 4) sheet.data.set([...BG, 255], i);

const put = (x: number, y: number, rgb: number[]) => {
  if (x < 0 || y < 0 || x >= sheet.width || y >= sheet.height) return;
  sheet.data.set([...rgb, 255], (y * sheet.width + x) * 4);
};

files.forEach((file, n) => {
  const img = PNG.sync.read(fs.readFileSync(path.join(dir, file)));
  const ox = GAP + (n % COLS) * (CELL_W + GAP);
  const oy = GAP + Math.floor(n / COLS) * (cellH + GAP);
  // Box filter: each cell pixel is the mean of the source pixels it covers.
  for (let y = 0; y < cellH; y++) {
    const y0 = Math.floor((y * img.height) / cellH);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * img.height) / cellH));
    for (let x = 0; x < CELL_W; x++) {
      const x0 = Math.floor((x * img.width) / CELL_W);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * img.width) / CELL_W));
      const sum = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const k = (sy * img.width + sx) * 4;
          sum[0] += img.data[k];
          sum[1] += img.data[k + 1];
          sum[2] += img.data[k + 2];
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      put(ox + x, oy + y, sum.map((s) => Math.round(s / count)));
    }
  }
  // The slide number, white on a black tab in the top-left corner.
  const label = String(Number(file.split('-')[0]));
  const scale = 4;
  const tabW = label.length * 4 * scale + scale * 3;
  const tabH = 5 * scale + scale * 4;
  for (let y = 0; y < tabH; y++) for (let x = 0; x < tabW; x++) put(ox + x, oy + y, [0, 0, 0]);
  [...label].forEach((ch, c) => {
    const bits = DIGITS[Number(ch)];
    for (let r = 0; r < 5; r++) {
      for (let col = 0; col < 3; col++) {
        if (bits[r * 3 + col] !== '1') continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) put(ox + scale * 2 + c * 4 * scale + col * scale + dx, oy + scale * 2 + r * scale + dy, [255, 255, 255]);
        }
      }
    }
  });
});

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, PNG.sync.write(sheet));
process.stdout.write(`${out}: ${files.length} slides, ${sheet.width}x${sheet.height}\n`);
