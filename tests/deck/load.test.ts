import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TalkreelError } from '../../src/errors.js';
import { loadDeck } from '../../src/deck/load.js';
import type { Block } from '../../src/deck/model.js';
import { tempDir } from '../helpers/temp.js';

type Image = Extract<Block, { type: 'image' }>;

let root: string; // holds outside.png, and deck/ with its own public/
let deckDir: string;
let publicDir: string;
let png: Buffer;

beforeAll(() => {
  root = tempDir('load');
  deckDir = path.join(root, 'deck');
  publicDir = path.join(deckDir, 'public');
  fs.mkdirSync(path.join(publicDir, 'art'), { recursive: true });
  const image = new PNG({ width: 2, height: 2 });
  image.data.fill(255);
  png = PNG.sync.write(image);
  fs.writeFileSync(path.join(deckDir, 'local.png'), png);
  fs.writeFileSync(path.join(publicDir, 'art', 'pub.png'), png);
  fs.writeFileSync(path.join(root, 'outside.png'), png);
  fs.writeFileSync(path.join(deckDir, 'fake.png'), 'this is text, not a picture\n');
  fs.symlinkSync(path.join(root, 'outside.png'), path.join(deckDir, 'link.png'));
});

let counter = 0;
/** Writes a deck into the deck folder and loads it. */
function load(source: string | Buffer) {
  const file = path.join(deckDir, `talk-${++counter}.md`);
  fs.writeFileSync(file, source);
  return loadDeck(file, { publicDir });
}

/** A deck whose slide 2 is the image `ref` (on line 5, column 1). */
function loadImage(ref: string) {
  const { deck, diagnostics } = load(`# Title\n\n---\n\n![An image](${ref})\n`);
  const block = deck.slides[1].blocks[0] as Image;
  expect(block.type).toBe('image');
  return { block, diagnostics };
}

const dataUrl = () => `data:image/png;base64,${png.toString('base64')}`;

function thrown(fn: () => unknown): TalkreelError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TalkreelError);
    return err as TalkreelError;
  }
  throw new Error('expected a TalkreelError');
}

describe('images', () => {
  it('resolves an image next to the deck to a data: URL', () => {
    const { block, diagnostics } = loadImage('local.png');
    expect(diagnostics).toEqual([]);
    expect(block.src).toBe(dataUrl());
    expect(block.path).toBe('local.png');
    expect(Buffer.from(block.src.split(',')[1], 'base64').equals(png)).toBe(true);
  });

  it('looks `/x.png` up in the publicDir option', () => {
    const { block, diagnostics } = loadImage('/art/pub.png');
    expect(diagnostics).toEqual([]);
    expect(block.src).toBe(dataUrl());
  });

  it('finds the nearest public/ folder above the deck when no publicDir is given', () => {
    const file = path.join(deckDir, 'nearest.md');
    fs.writeFileSync(file, '![An image](/art/pub.png)\n');
    const { deck, diagnostics, path: abs } = loadDeck(file);
    expect(diagnostics).toEqual([]);
    expect(abs).toBe(file);
    expect((deck.slides[0].blocks[0] as Image).src).toBe(dataUrl());
  });

  it('resolves every image of every slide', () => {
    const { deck, diagnostics } = load('![a](local.png)\n\n---\n\n# B\n\n![b](/art/pub.png)\n');
    expect(diagnostics).toEqual([]);
    const srcs = deck.slides.flatMap((s) => s.blocks.filter((b): b is Image => b.type === 'image').map((b) => b.src));
    expect(srcs).toEqual([dataUrl(), dataUrl()]);
  });

  it.each([
    ['a missing file', 'missing.png', 'image-missing'],
    ['a missing public file', '/art/missing.png', 'image-missing'],
    ['a file above the deck folder', '../outside.png', 'image-outside'],
    ['an absolute path escaping public/', '/../../outside.png', 'image-outside'],
    ['an absolute path into the deck folder, not public/', '/../local.png', 'image-outside'],
    ['a symlink pointing outside', 'link.png', 'image-outside'],
    ['an https URL', 'https://example.org/x.png', 'image-remote'],
    ['a protocol-relative URL', '//example.org/x.png', 'image-remote'],
    ['a file: URL', 'file:///etc/passwd', 'image-outside'],
    ['a text file named .png', 'fake.png', 'image-invalid'],
  ])('rejects %s (%s) with %s at the image`s line and column', (_what, ref, code) => {
    const { block, diagnostics } = loadImage(ref);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code, line: 5, column: 1 });
    expect(diagnostics[0].message).toContain(ref);
    expect(diagnostics[0].file).toMatch(/talk-\d+\.md$/);
    expect(block.src).toBe('');
  });

  it('never reads a file-system absolute path: it is looked up inside public/', () => {
    const { block, diagnostics } = loadImage(path.join(root, 'outside.png'));
    expect(block.src).toBe('');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 5, column: 1 });
    expect(['image-missing', 'image-outside']).toContain(diagnostics[0].code);
  });

  it('reports image problems together with parse problems, in line order', () => {
    const { diagnostics } = load('---\nfps: 0\n---\n\n# A\n\n---\n\n![x](nope.png)\n\n---\nlayout: bogus\n---\n\n# C\n');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '2:6 invalid-option',
      '9:1 image-missing',
      '12:9 invalid-option',
    ]);
  });

  it('accepts an inline data: image as it is', () => {
    const { block, diagnostics } = loadImage(dataUrl());
    expect(diagnostics).toEqual([]);
    expect(block.src).toBe(dataUrl());
  });
});

describe('the deck file itself', () => {
  it('throws deck-missing for a file that does not exist', () => {
    const err = thrown(() => loadDeck(path.join(deckDir, 'no-such-deck.md')));
    expect(err.code).toBe('deck-missing');
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain('no-such-deck.md');
  });

  it('throws deck-not-a-file for a folder', () => {
    expect(thrown(() => loadDeck(publicDir)).code).toBe('deck-not-a-file');
  });

  it('throws deck-binary for a file holding NUL bytes', () => {
    const file = path.join(deckDir, 'binary.md');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('# Title\n'), Buffer.from([0, 1, 2, 0])]));
    const err = thrown(() => loadDeck(file));
    expect(err.code).toBe('deck-binary');
    expect(err.message).toContain('binary.md:2:1');
  });

  it.each([
    ['line 1', Buffer.from([0x23, 0x20, 0xe9, 0x0a]), 1, 3],
    ['line 3', Buffer.concat([Buffer.from('# Café\n\nna'), Buffer.from([0xef, 0x76, 0x65, 0x0a])]), 3, 3],
  ])('throws deck-encoding for Latin-1 bytes on %s', (_where, bytes, line, column) => {
    const file = path.join(deckDir, `latin1-${line}.md`);
    fs.writeFileSync(file, bytes);
    const err = thrown(() => loadDeck(file));
    expect(err.code).toBe('deck-encoding');
    expect(err.message).toContain(`latin1-${line}.md:${line}:${column}`);
  });

  it('reads a UTF-8 deck with a BOM and CRLF line endings', () => {
    const { deck, diagnostics } = load(Buffer.from('\uFEFF# Café\r\n\r\n---\r\n\r\n- a\r\n- b\r\n', 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(deck.slides.map((s) => [s.title, s.layout, s.line])).toEqual([['Café', 'title', 1], ['a', 'bullets', 4]]);
  });
});

describe('logo', () => {
  it('is resolved like a slide image', () => {
    const { deck, diagnostics } = load('---\nlogo: local.png\n---\n\n# Title\n');
    expect(diagnostics).toEqual([]);
    expect(deck.logo).toEqual({ path: 'local.png', src: dataUrl(), line: 2, column: 1 });
    expect(load('---\nlogo: /art/pub.png\n---\n\n# Title\n').deck.logo?.src).toBe(dataUrl());
  });

  it.each([
    ['missing.png', 'image-missing'],
    ['../outside.png', 'image-outside'],
    ['fake.png', 'image-invalid'],
    ['https://example.org/logo.png', 'image-remote'],
  ])('%s is an error naming the logo line', (ref, code) => {
    const { diagnostics } = load(`---\ntitle: T\nlogo: ${ref}\n---\n\n# Title\n`);
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.code])).toEqual([[3, 1, 'error', code]]);
    expect(diagnostics[0].message).toMatch(/^logo: image /);
  });
});

