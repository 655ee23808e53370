import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../../src/render/cache/root.js';

const run = promisify(execFile);

/**
 * Renders a deck with Marp CLI into `outDir` as one PNG per slide, `scale` times Marp's 1280x720,
 * in the same browser talkreel uses. HTML is enabled (`--html`), as an author who writes HTML in
 * a Marp deck enables it; local pictures are allowed. Returns the PNGs in slide order.
 */
export async function renderWithMarp(deck: string, outDir: string, scale: number, browser: string): Promise<string[]> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const marp = path.join(packageRoot, 'node_modules', '.bin', 'marp');
  const args = ['--no-stdin', '--images', 'png', '--image-scale', String(scale), '--html', '--allow-local-files', '--browser', 'chrome', '--browser-path', browser,
    deck, '-o', path.join(outDir, 'slide.png')];
  await run(marp, args, { env: { ...process.env, CHROME_PATH: browser }, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  return fs
    .readdirSync(outDir)
    .filter((f) => /^slide(\.\d+)?\.png$/.test(f))
    .sort()
    .map((f) => path.join(outDir, f));
}
