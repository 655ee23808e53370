import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { TalkreelError } from '../errors.js';
import type { Block, Deck, Diagnostic } from './model.js';
import { parseDeck } from './parse.js';

/** The deck talkreel renders when none is named. */
export const DEFAULT_DECK = 'deck/scaling-python.md';

/** Limits on deck images: a deck from someone else must not be able to exhaust memory. */
export const IMAGE_LIMITS = { bytes: 20 * 1024 * 1024, pixels: 50_000_000, side: 16384 };

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
 * file server and no network. Problems with the file itself (missing, a folder, not UTF-8 text)
 * throw; problems inside the deck are returned as diagnostics.
 */
export function loadDeck(deckPath: string, options: LoadOptions = {}): LoadedDeck {
  const abs = path.resolve(deckPath);
  const shown = path.relative(process.cwd(), abs) || abs;
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) throw new TalkreelError('deck-missing', `${shown}: no such deck file`);
  if (!stat.isFile()) throw new TalkreelError('deck-not-a-file', `${shown}: is a folder, not a deck file`);
  const bytes = fs.readFileSync(abs);
  const source = decodeText(bytes, shown);
  const { deck, diagnostics } = parseDeck(source, shown);
  const publicDir = options.publicDir ? path.resolve(options.publicDir) : findPublicDir(path.dirname(abs));
  resolveImages(deck, path.dirname(abs), publicDir, diagnostics);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { deck, diagnostics, path: abs };
}

function decodeText(bytes: Buffer, shown: string): string {
  if (bytes.includes(0)) throw new TalkreelError('deck-binary', `${shown}:1:1 is a binary file, not a Markdown deck`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    throw new TalkreelError('deck-encoding', `${shown}:${line}:1 is not UTF-8 text (save the deck as UTF-8)`);
  }
}

function lineOfFirstInvalidByte(bytes: Buffer): number {
  let line = 1;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const chunk of bytes.toString('latin1').split('\n')) {
    try {
      decoder.decode(Buffer.from(chunk, 'latin1'));
    } catch {
      return line;
    }
    line++;
  }
  return 1;
}

export function findPublicDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'public');
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return candidate;
    if (path.dirname(dir) === dir) return path.join(from, 'public');
  }
}

function resolveImages(deck: Deck, deckDir: string, publicDir: string, diagnostics: Diagnostic[]): void {
  for (const slide of deck.slides) {
    const dropped = new Set<Block>();
    for (const block of slide.blocks) {
      if (block.type !== 'image') continue;
      const problem = (code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
        diagnostics.push({ file: deck.file, severity, code, message, line: block.line, column: block.column });
      const resolved = resolveImage(block, deckDir, publicDir);
      if (!('error' in resolved)) block.src = resolved.src;
      else if (resolved.code === 'image-remote' && block.placement) {
        // A remote picture behind or beside a slide (common in Marp and Slidev decks) is decoration:
        // the slide renders without it.
        problem(resolved.code, `${resolved.error}; the slide is shown without it`, 'warning');
        dropped.add(block);
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

type Resolved = { src: string } | { code: string; error: string };

function resolveImage(block: Pick<Extract<Block, { type: 'image' }>, 'path'>, deckDir: string, publicDir: string): Resolved {
  const ref = block.path.trim();
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(ref)) return { src: ref };
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
  const [base, file] = decoded.startsWith('/') ? [publicDir, path.join(publicDir, decoded)] : [deckDir, path.resolve(deckDir, decoded)];
  const allowed = [deckDir, publicDir].map((d) => realOr(d));
  const real = realOr(file);
  if (!fs.existsSync(file)) {
    return { code: 'image-missing', error: `image ${ref} not found (looked for ${path.relative(process.cwd(), file) || file})` };
  }
  if (!allowed.some((dir) => real === dir || real.startsWith(dir + path.sep)) || !file.startsWith(base)) {
    return { code: 'image-outside', error: `image ${ref} is outside the deck's folder and public/; copy it there` };
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { code: 'image-invalid', error: `image ${ref} is not a file` };
  if (stat.size > IMAGE_LIMITS.bytes) {
    return { code: 'image-too-large', error: `image ${ref} is ${(stat.size / 1e6).toFixed(1)} MB; the limit is ${IMAGE_LIMITS.bytes / 1024 / 1024} MiB` };
  }
  const bytes = fs.readFileSync(real);
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
  return { src: `data:${mime};base64,${bytes.toString('base64')}` };
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
