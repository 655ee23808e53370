import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

// The layers and their rules are written down in .dependency-cruiser.cjs.
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const cruise = (cwd: string) =>
  spawnSync(process.execPath, [depcruise, 'src', '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd, encoding: 'utf8' });

/** Every file under `dir`, relative to the package root. */
const filesUnder = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { recursive: true }).map((f) => path.join(dir, String(f))).filter((f) => fs.statSync(path.join(root, f)).isFile());

describe('layers', () => {
  it('src/ has no import cycle and no import against the layers', () => {
    const result = cruise(root);
    expect(result.stdout + result.stderr).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it('the rules catch a cycle, an upward import from the deck core and a step importing an entry point', () => {
    const dir = tempDir('layers');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
    write('src/deck/parse.ts', "import { look } from '../slides/theme.js';\nexport const parse = () => look;\n");
    write('src/slides/theme.ts', "import type { parse } from '../deck/parse.js';\nexport const look = 1;\nexport type P = typeof parse;\n");
    write('src/render/render-talk.ts', "import { step } from './encode/encode.js';\nexport const talk = step;\n");
    write('src/render/encode/encode.ts', "import type { talk } from '../render-talk.js';\nexport const step = 1;\nexport type T = typeof talk;\n");
    const result = cruise(dir);
    const report = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(report).toMatch(/no-cycle: src\/deck\/parse\.ts/);
    expect(report).toMatch(/deck-core-is-pure: src\/deck\/parse\.ts → src\/slides\/theme\.ts/);
    expect(report).toMatch(/steps-below-entry-points: src\/render\/encode\/encode\.ts → src\/render\/render-talk\.ts/);
  });

  it("Remotion's private internals are reached from one adapter module, and no deep dist path", () => {
    const sources = filesUnder('src').filter((f) => /\.tsx?$/.test(f));
    const internals = sources.filter((f) => /\b(Render)?Internals\b/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(internals).toEqual([path.join('src', 'render', 'encode', 'ffmpeg.ts')]);
    const deep = sources.filter((f) => /from '(remotion|@remotion\/[^/']+)\/dist\//.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(deep).toEqual([]);
  });
});
