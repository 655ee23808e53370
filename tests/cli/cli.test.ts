import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandDecks } from '../../src/render/render-decks.js';
import { fixture, talkreel } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

describe('talkreel CLI', () => {
  // Most cases run the command in this process; those of what only the process shows (help and
  // usage errors as printed by the built command, rejections nobody awaits) start dist/cli.js.
  // None of these renders gets as far as a browser.
  const command = new CommandRunner({}, { shareBrowser: false });

  it('--help lists the commands', async () => {
    const r = await talkreel(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/render \[options\] \[decks\.\.\.\]/);
    expect(r.stdout).toMatch(/check \[options\] \[deck\]/);
    expect(r.stdout).toMatch(/watch \[options\] \[deck\]/);
  });

  it('render --help lists every render option', async () => {
    const r = await talkreel(['render', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--out', '--resolution', '--fps', '--slides', '--no-video', '--no-thumbnails', '--browser', '--concurrency', '--exact', '--json', '--crf', '--audio', '--timings']) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('reports a promise that rejects with nobody waiting on it like any other error: no stack trace, exit 1', async () => {
    // A library rejecting a promise that nothing awaits, once the command has done its work.
    const preload = path.join(tempDir('unhandled'), 'reject-later.mjs');
    fs.writeFileSync(preload, "setTimeout(() => { Promise.reject(new Error('late failure inside a library')); }, 4000);\n");
    const r = await talkreel(['check', fixture('small.md')], { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` });
    expect(r.stdout).toMatch(/small\.md: 4 slides/);
    expect(r.stderr).toContain('talkreel: late failure inside a library');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(1);
  });

  it('prints and exits in the test process as the built command does (what the in-process tests rely on)', async () => {
    const cases = [['check', 'tests/fixtures/bad-decks/fps-zero.md'], ['check', fixture('small.md')], ['render', '--fps', '0'], ['render', fixture('bad.md'), '--no-video'], ['bogus'], ['--version']];
    for (const args of cases) {
      const [built, inProcess] = [await talkreel(args), await command.run(args)];
      expect(inProcess, args.join(' ')).toEqual(built);
    }
  });

  it('check on the default deck reports its slides and length', async () => {
    const r = await command.run(['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/deck\/scaling-python\.md: 19 slides, \d+:\d\d at 30 fps, 1920x1080/);
  });

  it('check warns about a slide set small to fit and one whose text cannot fit, naming their lines, and still succeeds', async () => {
    const r = await command.run(['check', fixture('stress.md')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stress\.md:16:1 warning text-small slide 2 \(Twelve points, .*\): set smaller than usual to fit the frame: text at \d+ px \(1\/\d+ of the frame height\)/);
    expect(r.stderr).toContain('16 | # Twelve points');
    expect(r.stderr).toMatch(/stress\.md:57:1 warning text-overflow slide 7 \(Far too much for one slide\)/);
    expect(r.stdout).toMatch(/stress\.md: 9 slides/);
  });

  it('check prints nothing but the summary for the talk (every slide fits, the accent reads well)', async () => {
    const r = await command.run(['check', '--', 'deck/scaling-python.md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('check reports recorded timings that do not increase, with file:line', async () => {
    const deck = path.join(tempDir('check'), 'timed.md');
    fs.writeFileSync(deck, '# A\n\n---\nat: 0:05\n---\n\n# B\n\n---\nat: 0:04\n---\n\n# C\n');
    const r = await command.run(['check', deck]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/timed\.md:10:1 error timing-order/);
  });

  it('an unknown command is a usage error', async () => {
    const r = await talkreel(['explode']);
    expect(r.code).toBe(2);
  });

  it('--concurrency above the machine\'s cores is a usage error before anything starts', async () => {
    const cores = os.cpus().length;
    const out = path.join(os.tmpdir(), `talkreel-never-${process.pid}`);
    const r = await command.run(['render', fixture('small.md'), '--no-video', '--concurrency', String(cores + 1), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--concurrency: "${cores + 1}" is not a whole number from 1 to ${cores}`);
    expect(r.stderr).not.toMatch(/browser|\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('--browser pointing nowhere fails with exit 1 and no stack trace', async () => {
    const r = await command.run(['render', '--browser', '/no/such/chrome', '--no-video', '--out', '/tmp/talkreel-never']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no executable browser at \/no\/such\/chrome/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('check prints every warning of a Marp deck with its line and caret, and passes', async () => {
    const r = await command.run(['check', fixture('marp-basics.md')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/marp-basics\.md:3:1 warning unsupported-option Marp directive `theme` is not applied/);
    expect(r.stderr).toContain('  3 | theme: gaia\n      ^');
    expect(r.stdout).toMatch(/marp-basics\.md: 7 slides/);
  });

  it('--strict makes warnings errors: check exits 1, render renders nothing', async () => {
    const checked = await command.run(['check', '--strict', fixture('marp-basics.md')]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/marp-basics\.md:3:1 error unsupported-option/);
    const out = path.join(tempDir('strict'), 'never');
    const rendered = await command.run(['render', '--strict', fixture('marp-basics.md'), '--out', out]);
    expect(rendered.code).toBe(1);
    expect(rendered.stderr).toMatch(/3 error\(s\) in the deck; nothing was rendered/);
    expect(fs.existsSync(out)).toBe(false);
  });

  describe('chapter and caption warnings', () => {
    // Two slides of 2 s: too short for 3 chapters, and the first slide's notes too long to read.
    const deck = path.join(tempDir('publish-checks'), 'short.md');
    const notes = 'These notes are far too long to be read in the two seconds that this slide is on screen, so its captions go faster than anyone reads.';
    fs.writeFileSync(deck, `---\nresolution: 640x360\nduration: 2\n---\n\n# ONE\n\n<!--\n${notes}\n-->\n\n---\n\n# TWO\n`);

    it('check reports them as render does', async () => {
      const r = await command.run(['check', deck]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/short\.md:5:1 warning chapters-too-few/);
      expect(r.stderr).toMatch(/short\.md:5:1 warning captions-too-fast captions: the notes of slide 1/);
    });

    it('--strict makes them errors: check exits 1, render renders nothing', async () => {
      const checked = await command.run(['check', '--strict', deck]);
      expect(checked.code).toBe(1);
      expect(checked.stderr).toMatch(/short\.md:5:1 error chapters-too-few/);
      expect(checked.stderr).toMatch(/short\.md:5:1 error captions-too-fast/);
      const out = path.join(path.dirname(deck), 'never');
      const rendered = await command.run(['render', '--strict', deck, '--out', out]);
      expect(rendered.code).toBe(1);
      expect(rendered.stderr).toMatch(/short\.md:5:1 error chapters-too-few/);
      expect(rendered.stderr).toMatch(/short\.md:5:1 error captions-too-fast/);
      expect(rendered.stderr).toMatch(/2 error\(s\) in the deck; nothing was rendered/);
      expect(rendered.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(fs.existsSync(out)).toBe(false);
    });
  });

  it('a folder stands for the decks in it, in name order', () => {
    expect(expandDecks([path.dirname(fixture('small.md'))]).map((d) => path.basename(d))).toEqual(
      ['bad.md', 'layouts-light.md', 'layouts.md', 'looks-marp-light.md', 'looks-marp.md', 'marp-basics.md', 'marp-heading-divider.md', 'publish.md', 'slidev-layouts.md', 'slidev-starter.md', 'small.md', 'stress.md'],
    );
  });
});
