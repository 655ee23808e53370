import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, type CliResult } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Every bad deck in tests/fixtures/bad-decks/ (and a few that cannot be committed: symlinks,
 * huge files, missing paths) through the CLI's code, run in this process (tests/cli/cli.test.ts
 * and bin.test.ts run the built command itself). Each must fail with its code at its line and
 * column, a non-zero exit, no stack trace, and leave --out exactly as it was.
 */
const FIXTURES = path.join(root, 'tests', 'fixtures', 'bad-decks');
const tmp = tempDir('bad');
// A cache folder no run may create: a deck error stops before bundling or unpacking the browser.
const untouchedCache = path.join(tmp, 'cache-never-created');

interface Case {
  name: string;
  /** Deck path as given on the command line: a fixture's name, or made by `setup` in tmp. */
  deck: string;
  code: string;
  /** Where the diagnostic points; null when no line applies (the deck path itself, options). */
  at: [line: number, column: number] | null;
  exit?: 1 | 2;
  /** Extra `render` arguments; such cases only make sense for `render`. */
  renderArgs?: string[];
  /** Also run `talkreel render` (always for cases with renderArgs). */
  render?: boolean;
}

const fixture = (name: string) => path.join('tests', 'fixtures', 'bad-decks', name);
const inTmp = (name: string) => path.join(tmp, name);

const CASES: Case[] = [
  { name: 'empty file', deck: fixture('empty.md'), code: 'empty-deck', at: [1, 1], render: true },
  { name: 'only front matter', deck: fixture('only-frontmatter.md'), code: 'empty-deck', at: [4, 1] },
  { name: 'only separators', deck: fixture('separators-only.md'), code: 'empty-deck', at: [4, 1] },
  { name: 'front matter never closed', deck: fixture('frontmatter-unclosed.md'), code: 'frontmatter-unclosed', at: [1, 1], render: true },
  { name: 'invalid YAML in the front matter', deck: fixture('frontmatter-yaml.md'), code: 'yaml-syntax', at: [3, 20] },
  { name: 'front matter that is a list', deck: fixture('frontmatter-not-a-map.md'), code: 'yaml-not-a-map', at: [2, 1] },
  { name: 'duplicate key in the front matter', deck: fixture('frontmatter-duplicate-key.md'), code: 'yaml-syntax', at: [3, 1] },
  { name: 'unknown deck option', deck: fixture('frontmatter-unknown-option.md'), code: 'unknown-option', at: [2, 1] },
  { name: 'invalid YAML in a slide block', deck: fixture('slide-yaml.md'), code: 'yaml-syntax', at: [5, 21], render: true },
  { name: 'unknown slide option', deck: fixture('slide-unknown-option.md'), code: 'unknown-option', at: [5, 1] },
  { name: 'negative duration', deck: fixture('duration-negative.md'), code: 'invalid-option', at: [2, 11], render: true },
  { name: 'zero duration (slide)', deck: fixture('duration-zero.md'), code: 'invalid-option', at: [4, 11] },
  { name: 'huge duration', deck: fixture('duration-huge.md'), code: 'invalid-option', at: [2, 11] },
  { name: 'non-numeric duration (slide)', deck: fixture('duration-text.md'), code: 'invalid-option', at: [4, 11] },
  { name: 'zero fps', deck: fixture('fps-zero.md'), code: 'invalid-option', at: [2, 6] },
  { name: 'negative fps', deck: fixture('fps-negative.md'), code: 'invalid-option', at: [2, 6] },
  { name: 'huge fps', deck: fixture('fps-huge.md'), code: 'invalid-option', at: [2, 6] },
  { name: 'fractional fps', deck: fixture('fps-fraction.md'), code: 'invalid-option', at: [2, 6] },
  { name: 'non-numeric fps', deck: fixture('fps-text.md'), code: 'invalid-option', at: [2, 6] },
  { name: 'unknown resolution', deck: fixture('resolution-unknown.md'), code: 'invalid-option', at: [2, 13] },
  { name: 'odd width', deck: fixture('resolution-odd.md'), code: 'invalid-option', at: [2, 13] },
  { name: 'odd height', deck: fixture('resolution-odd-height.md'), code: 'invalid-option', at: [2, 13] },
  { name: 'huge resolution', deck: fixture('resolution-huge.md'), code: 'invalid-option', at: [2, 13] },
  { name: 'zero resolution', deck: fixture('resolution-zero.md'), code: 'invalid-option', at: [2, 13] },
  { name: 'numeric resolution', deck: fixture('resolution-number.md'), code: 'invalid-option', at: [2, 13] },
  { name: 'unknown layout', deck: fixture('layout-unknown.md'), code: 'invalid-option', at: [4, 9], render: true },
  { name: 'image layout without an image', deck: fixture('layout-image-without-image.md'), code: 'layout-mismatch', at: [4, 1] },
  { name: 'unknown deck transition', deck: fixture('transition-unknown.md'), code: 'invalid-option', at: [2, 13] },
  { name: 'non-text slide transition', deck: fixture('slide-transition-unknown.md'), code: 'invalid-option', at: [4, 13] },
  { name: 'missing image', deck: fixture('image-missing.md'), code: 'image-missing', at: [5, 1], render: true },
  { name: 'image path with ..', deck: fixture('image-dotdot.md'), code: 'image-outside', at: [5, 1] },
  { name: 'absolute image path leaving public/', deck: fixture('image-absolute.md'), code: 'image-outside', at: [5, 1] },
  { name: 'file: image URL', deck: fixture('image-file-url.md'), code: 'image-outside', at: [5, 1] },
  { name: 'image symlink pointing outside', deck: inTmp('symlink/talk.md'), code: 'image-outside', at: [3, 1], render: true },
  { name: 'remote image URL', deck: fixture('image-remote.md'), code: 'image-remote', at: [9, 3], render: true },
  { name: 'protocol-relative image URL', deck: fixture('image-protocol-relative.md'), code: 'image-remote', at: [5, 1] },
  { name: 'text file named .png', deck: fixture('image-not-an-image.md'), code: 'image-invalid', at: [5, 1] },
  { name: 'BMP picture', deck: fixture('image-unsupported-type.md'), code: 'image-invalid', at: [5, 1] },
  { name: 'image path that is a folder', deck: fixture('image-folder.md'), code: 'image-invalid', at: [5, 1] },
  { name: 'data: URL that is not a picture', deck: fixture('image-data-url-not-image.md'), code: 'image-invalid', at: [5, 1] },
  { name: 'image over the pixel limit', deck: fixture('image-huge-pixels.md'), code: 'image-too-large', at: [5, 1] },
  { name: 'image over the byte limit', deck: inTmp('huge/talk.md'), code: 'image-too-large', at: [3, 1] },
  { name: 'binary file', deck: fixture('binary.md'), code: 'deck-binary', at: [3, 1], render: true },
  { name: 'non-UTF-8 file', deck: fixture('non-utf8.md'), code: 'deck-encoding', at: [4, 10], render: true },
  { name: 'deck over the size limit', deck: inTmp('too-large.md'), code: 'deck-too-large', at: [1, 1] },
  { name: 'CRLF deck with an error', deck: fixture('crlf-error.md'), code: 'invalid-option', at: [4, 11] },
  { name: 'BOM deck with an error', deck: fixture('bom-error.md'), code: 'invalid-option', at: [2, 6] },
  { name: 'deck path that does not exist', deck: fixture('no-such-deck.md'), code: 'deck-missing', at: null, render: true },
  { name: 'deck path that is a folder', deck: fixture(''), code: 'deck-not-a-file', at: null },
  { name: 'deck path that is a device', deck: '/dev/null', code: 'deck-not-a-file', at: null },
  { name: '--slides past the last slide', deck: fixture('crlf.md'), code: 'slides-invalid', at: null, exit: 2, renderArgs: ['--slides', '3'] },
  { name: '--slides 0', deck: fixture('crlf.md'), code: 'slides-invalid', at: null, exit: 2, renderArgs: ['--slides', '0-1'] },
  { name: '--out under a regular file', deck: fixture('crlf.md'), code: 'out-unwritable', at: null, renderArgs: ['--out', inTmp('a-file/out')] },
  { name: '--out that is a regular file', deck: fixture('crlf.md'), code: 'out-unwritable', at: null, renderArgs: ['--out', inTmp('a-file')] },
];

function setup(): void {
  // A symlink next to the deck that leads out of its folder.
  fs.mkdirSync(inTmp('symlink'));
  fs.copyFileSync(path.join(root, 'public', 'art', '03-growing-systems.svg'), inTmp('outside.svg'));
  fs.symlinkSync(inTmp('outside.svg'), inTmp('symlink/picture.svg'));
  fs.writeFileSync(inTmp('symlink/talk.md'), '# Pictures\n\n![Linked](picture.svg)\n');
  // 21 MiB: a PNG signature and then zeros (the size is refused before the picture is read).
  fs.mkdirSync(inTmp('huge'));
  const big = Buffer.alloc(21 * 1024 * 1024);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
  fs.writeFileSync(inTmp('huge/big.png'), big);
  fs.writeFileSync(inTmp('huge/talk.md'), '# Pictures\n\n![Big](big.png)\n');
  fs.writeFileSync(inTmp('too-large.md'), `# Long\n\n${'word '.repeat(1_200_000)}\n`);
  fs.writeFileSync(inTmp('a-file'), 'a regular file\n');
}

/** What a folder holds: every file's path, size and SHA-256, sorted. */
function listing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => {
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, full);
    if (e.isDirectory()) return `${rel}/`;
    return `${rel} ${crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`;
  }).sort();
}

/** An output folder holding an earlier render's files. */
function earlierOutputs(name: string): string {
  const out = inTmp(`out-${name}`);
  fs.mkdirSync(path.join(out, 'thumbnails'), { recursive: true });
  fs.writeFileSync(path.join(out, 'talk.mp4'), crypto.randomBytes(4096));
  fs.writeFileSync(path.join(out, 'manifest.json'), '{"earlier": true}\n');
  fs.writeFileSync(path.join(out, 'thumbnails', '01-earlier.png'), crypto.randomBytes(1024));
  return out;
}

const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-');
const checkRuns = new Map<string, CliResult>();
const renderRuns = new Map<string, { result: CliResult; out: string | null; before: string[] | null }>();

beforeAll(async () => {
  setup();
  // A render that got as far as a browser would start its own, as the command does.
  const command = new CommandRunner({ TALKREEL_CACHE_DIR: untouchedCache }, { shareBrowser: false });
  for (const c of CASES) {
    if (!c.renderArgs) checkRuns.set(c.name, await command.run(['check', c.deck]));
    if (c.render || c.renderArgs) {
      const givesOut = c.renderArgs?.includes('--out');
      const out = givesOut ? null : earlierOutputs(slug(c.name));
      const before = out ? listing(out) : null;
      const args = ['render', c.deck, ...(out ? ['--out', out] : []), ...(c.renderArgs ?? [])];
      renderRuns.set(c.name, { result: await command.run(args), out, before });
    }
  }
});


/** How the CLI names a deck path: relative to where it runs when inside it, else absolute. */
function shown(deck: string): string {
  const abs = path.resolve(root, deck);
  const rel = path.relative(root, abs);
  return rel.startsWith('..') ? abs : rel;
}

function expectFailure(c: Case, r: CliResult): void {
  expect(r.code, r.stderr).toBe(c.exit ?? 1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/TALKREEL_DEBUG/); // an unexpected error's hint
  if (c.at) {
    // FILE:LINE:COL severity CODE message, as the first line of the report.
    const [line, column] = c.at;
    expect(r.stderr, r.stderr).toContain(`${shown(c.deck)}:${line}:${column} error ${c.code} `);
  } else {
    expect(r.stderr, r.stderr).toContain(`error ${c.code} `);
  }
}

describe(`${CASES.length} bad inputs`, () => {
  it('has at least 30 cases, one fixture file for each committed case', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const used = new Set(CASES.map((c) => path.basename(c.deck)));
    const files = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.md') && n !== 'bom.md' && n !== 'crlf.md');
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it.each(CASES.filter((c) => !c.renderArgs).map((c) => [c.name, c] as const))('check: %s', (_name, c) => {
    expectFailure(c, checkRuns.get(c.name) as CliResult);
  });

  it.each(CASES.filter((c) => c.render || c.renderArgs).map((c) => [c.name, c] as const))('render: %s', (_name, c) => {
    const { result, out, before } = renderRuns.get(c.name) as NonNullable<ReturnType<typeof renderRuns.get>>;
    expectFailure(c, result);
    // Stopped before any work: no progress line, nothing bundled or unpacked, --out untouched.
    expect(result.stderr).not.toMatch(/Bundling|Starting browser|Capturing/);
    expect(fs.existsSync(untouchedCache)).toBe(false);
    if (out) expect(listing(out)).toEqual(before);
    else expect(fs.existsSync(inTmp('a-file/out'))).toBe(false);
    expect(fs.readFileSync(inTmp('a-file'), 'utf8')).toBe('a regular file\n');
  });
});

describe('a BOM and CRLF line endings are fine', () => {
  const command = new CommandRunner();
  it.each(['bom.md', 'crlf.md'])('check and render %s', async (name) => {
    const check = await command.run(['check', fixture(name)]);
    expect(check.code, check.stderr).toBe(0);
    // One or two slides cannot make 3 chapters: check says so, as render does, and nothing else.
    const said = [...check.stderr.matchAll(/^\S+\.md:(\d+):\d+ (\w+) ([\w-]+)/gm)].map((m) => `${m[2]} ${m[3]}`);
    expect(said).toEqual(['warning chapters-too-few']);
    const out = inTmp(`ok-${name}`);
    const r = await command.run(['render', fixture(name), '--out', out, '--no-video', '--resolution', '320x180', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.slides).toBe(name === 'bom.md' ? 1 : 2);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.slides.map((s: { title: string }) => s.title)).toEqual(name === 'bom.md' ? ['BOM'] : ['CRLF', 'Still fine']);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'thumbnails']);
  });
});
