import { sortDiagnostics } from './diagnostics.js';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { TalkreelError } from '../errors.js';
import { fileProblem } from './errors.js';
import { eachBlock, type Block, type Deck, type Diagnostic } from './model.js';
import type { ImportReader } from './imports.js';
import { parseDeck } from './parse.js';

/** The deck talkreel renders when none is named. */
export const DEFAULT_DECK = 'deck/scaling-python.md';

/** Limits on decks and their images: a deck from someone else must not be able to exhaust memory. */
export const IMAGE_LIMITS = { bytes: 20 * 1024 * 1024, pixels: 50_000_000, side: 16384 };
export const DECK_LIMIT_BYTES = 5 * 1024 * 1024;

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

export interface LoadOptions {
  /** Folder that `/path` images refer to; default: the nearest `public/` above the deck. */
  publicDir?: string;
}

export interface LoadedDeck {
  deck: Deck;
  diagnostics: Diagnostic[];
  /** Absolute path of the deck file. */
  path: string;
}

/**
 * Reads a deck file, parses it and resolves its images to data: URLs, so that a render needs no
 * file server and no network. Problems with the file itself throw: a TalkreelError when it is
 * missing or a folder, a DeckError (with its diagnostic) when it is binary, too large or not UTF-8.
 * Problems inside the deck are returned as diagnostics.
 */
export function loadDeck(deckPath: string, options: LoadOptions = {}): LoadedDeck {
  const abs = path.resolve(deckPath);
  // Named as the user would: relative to the working folder when inside it, else absolute.
  const rel = path.relative(process.cwd(), abs);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) throw new TalkreelError('deck-missing', `${shown}: no such deck file`);
  if (!stat.isFile()) {
    throw new TalkreelError('deck-not-a-file', `${shown}: is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}, not a deck file`);
  }
  if (stat.size > DECK_LIMIT_BYTES) {
    throw fileProblem(shown, 'deck-too-large', `is ${(stat.size / 1e6).toFixed(1)} MB; a deck is at most ${DECK_LIMIT_BYTES / 1024 / 1024} MiB of text (put pictures in image files)`);
  }
  const bytes = fs.readFileSync(abs);
  const source = decodeText(bytes, shown);
  const deckDir = path.dirname(abs);
  const { deck, diagnostics } = parseDeck(source, shown, { readImport: importReader(shown, deckDir) });
  const publicDir = options.publicDir ? path.resolve(options.publicDir) : findPublicDir(deckDir);
  resolveImages(deck, deckDir, publicDir, diagnostics);
  sortDiagnostics(diagnostics, deck.file);
  return { deck, diagnostics, path: abs };
}

function decodeText(bytes: Buffer, shown: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOf(bytes, nul);
    throw fileProblem(shown, 'deck-binary', 'is a binary file (it holds NUL bytes), not a Markdown deck', line, column);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, column } = positionOf(bytes, firstInvalidByte(bytes));
    throw fileProblem(shown, 'deck-encoding', 'is not UTF-8 text (save the deck as UTF-8)', line, column);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Valid text decodes the same up to the bad byte: search for the longest prefix that decodes.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode(); // reset
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** 1-based line and column (in characters) of byte `offset`. */
function positionOf(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (const b of before) if (b === 0x0a) line++;
  const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).replace(/^\uFEFF/, '')].length + 1;
  return { line, column };
}

export function findPublicDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'public');
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return candidate;
    if (path.dirname(dir) === dir) return path.join(from, 'public');
  }
}

/**
 * The files slides import (Slidev's `src:`): relative to the importing file, or `/x.md` from the
 * deck's folder; like pictures, only inside the deck's folder, and held to the deck's own limits.
 */
function importReader(shownDeck: string, deckDir: string): ImportReader {
  const shownDir = path.dirname(shownDeck);
  return (ref, from) => {
    const fromDir = from === shownDeck ? deckDir : path.resolve(deckDir, path.relative(shownDir, path.dirname(from)));
    const file = ref.startsWith('/') ? path.join(deckDir, ref) : path.resolve(fromDir, ref);
    const shown = path.join(shownDir, path.relative(deckDir, file));
    if (!isInside(file, deckDir) || !isInside(realOr(file), realOr(deckDir))) return { code: 'import-outside', message: `${ref} is outside the deck's folder; only files in it are imported` };
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return { code: 'import-missing', message: `no such file ${shown}` };
    if (!stat.isFile()) return { code: 'import-invalid', message: `${shown} is not a file` };
    if (stat.size > DECK_LIMIT_BYTES) return { code: 'import-invalid', message: `${shown} is over ${DECK_LIMIT_BYTES / 1024 / 1024} MiB` };
    try {
      return { file: shown, source: decodeText(fs.readFileSync(file), shown) };
    } catch (err) {
      return { code: 'import-invalid', message: err instanceof Error ? err.message.replace(/^\S+:\d+:\d+ /, `${shown} `) : String(err) };
    }
  };
}

function resolveImages(deck: Deck, deckDir: string, publicDir: string, diagnostics: Diagnostic[]): void {
  const shownDir = path.dirname(deck.file);
  const foreign = deck.dialect === 'marp' || deck.dialect === 'slidev';
  for (const slide of deck.slides) {
    const file = slide.file ?? deck.file;
    // Relative pictures of an imported slide are relative to its own file, still inside the deck's folder.
    const baseDir = slide.file ? path.resolve(deckDir, path.relative(shownDir, path.dirname(slide.file))) : deckDir;
    const dropped = new Set<Block>();
    for (const block of eachBlock(slide.blocks)) {
      if (block.type !== 'image') continue;
      const problem = (code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
        diagnostics.push({ file, severity, code, message, line: block.line, column: block.column });
      const resolved = resolveImage(block, baseDir, publicDir, deckDir);
      if (!('error' in resolved)) {
        block.src = resolved.src;
        if (resolved.pixels) block.pixels = resolved.pixels;
      }
      else if (resolved.code === 'image-remote' && block.placement) {
        // A remote picture behind or beside a slide (common in Marp and Slidev decks) is decoration:
        // the slide renders without it.
        problem(resolved.code, `${resolved.error}; the slide is shown without it`, 'warning');
        dropped.add(block);
      } else if (resolved.code === 'image-remote' && foreign) {
        // Marp and Slidev show remote pictures; a render is offline, so the picture's place shows its description.
        problem(resolved.code, `${resolved.error}; its description is shown in its place`, 'warning');
      } else problem(resolved.code, resolved.error);
    }
    if (dropped.size > 0) slide.blocks = slide.blocks.filter((b) => !dropped.has(b));
  }
  const logo = deck.logo;
  if (logo) {
    const resolved = resolveImage(logo, deckDir, publicDir);
    if ('error' in resolved) {
      diagnostics.push({ file: deck.file, severity: 'error', code: resolved.code, message: `logo: ${resolved.error}`, line: logo.line, column: logo.column });
    } else logo.src = resolved.src;
  }
}

type Resolved = { src: string; pixels?: { width: number; height: number } } | { code: string; error: string };

function resolveImage(block: Pick<Extract<Block, { type: 'image' }>, 'path'>, baseDir: string, publicDir: string, deckDir = baseDir): Resolved {
  const ref = block.path.trim();
  if (/^data:/i.test(ref)) return resolveDataUrl(ref);
  if (/^file:/i.test(ref)) {
    return { code: 'image-outside', error: `image ${ref}: file: URLs are not used; write a path relative to the deck's folder, or /path for public/` };
  }
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) {
    return { code: 'image-remote', error: `image ${ref}: only local files can be used; renders make no network requests` };
  }
  let decoded: string;
  try {
    decoded = decodeURI(ref);
  } catch {
    decoded = ref;
  }
  // `/x.png` is `public/x.png` (Slidev's rule); anything else is relative to the deck's folder.
  const [base, file] = decoded.startsWith('/') ? [publicDir, path.join(publicDir, decoded)] : [deckDir, path.resolve(baseDir, decoded)];
  const outside = { code: 'image-outside', error: `image ${ref} is outside the deck's folder and public/; copy it there` };
  // First by name (`..`), whether or not the file exists, then by where links really lead.
  if (!isInside(file, base)) return outside;
  if (!fs.existsSync(file)) {
    return { code: 'image-missing', error: `image ${ref} not found (looked for ${path.relative(process.cwd(), file) || file})` };
  }
  const real = realOr(file);
  if (![deckDir, publicDir].some((dir) => isInside(real, realOr(dir)))) return outside;
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { code: 'image-invalid', error: `image ${ref} is not a file` };
  if (stat.size > IMAGE_LIMITS.bytes) {
    return { code: 'image-too-large', error: `image ${ref} is ${(stat.size / 1e6).toFixed(1)} MB; the limit is ${IMAGE_LIMITS.bytes / 1024 / 1024} MiB` };
  }
  return checkPicture(ref, fs.readFileSync(real), (mime, bytes) => `data:${mime};base64,${bytes.toString('base64')}`);
}

/** An inline `data:` image is held to the same rules as a file: a supported picture within the limits. */
function resolveDataUrl(ref: string): Resolved {
  const m = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/is.exec(ref);
  if (!m || !Object.values(MIME).includes(m[1].toLowerCase())) {
    return { code: 'image-invalid', error: `image ${ref.slice(0, 40)}: a data: URL must hold a PNG, JPEG, GIF, WebP or SVG picture` };
  }
  if (ref.length > (IMAGE_LIMITS.bytes * 4) / 3 + 1024) {
    return { code: 'image-too-large', error: `image data: URL is ${(ref.length / 1e6).toFixed(1)} MB; the limit is ${IMAGE_LIMITS.bytes / 1024 / 1024} MiB` };
  }
  let bytes: Buffer;
  try {
    bytes = m[3] ? Buffer.from(m[4], 'base64') : Buffer.from(decodeURIComponent(m[4]));
  } catch {
    return { code: 'image-invalid', error: `image ${ref.slice(0, 40)}: the data: URL cannot be decoded` };
  }
  return checkPicture(ref.slice(0, 40), bytes, () => ref);
}

function checkPicture(ref: string, bytes: Buffer, src: (mime: string, bytes: Buffer) => string): Resolved {
  let info: { width?: number; height?: number; type?: string };
  try {
    info = imageSize(bytes);
  } catch {
    return { code: 'image-invalid', error: `image ${ref} is not a PNG, JPEG, GIF, WebP or SVG picture` };
  }
  const mime = info.type ? MIME[info.type] : undefined;
  if (!mime) return { code: 'image-invalid', error: `image ${ref}: ${info.type} pictures are not supported (use PNG, JPEG, GIF, WebP or SVG)` };
  const { width = 0, height = 0 } = info;
  if (width > IMAGE_LIMITS.side || height > IMAGE_LIMITS.side || width * height > IMAGE_LIMITS.pixels) {
    return { code: 'image-too-large', error: `image ${ref} is ${width}x${height} pixels; the limit is ${IMAGE_LIMITS.side} per side and ${IMAGE_LIMITS.pixels / 1e6} megapixels` };
  }
  return { src: src(mime, bytes), ...(width > 0 && height > 0 ? { pixels: { width, height } } : {}) };
}

const isInside = (file: string, dir: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
