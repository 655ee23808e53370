import type { Diagnostic } from './model.js';
import { parseOptions, SLIDE_OPTIONS, type ForeignCheck, type ParsedOptions } from './options.js';
import { splitDeck, type RawSlide } from './split.js';

type Problem = Omit<Diagnostic, 'file'> & { file?: string };

/**
 * Reads a Markdown file a slide imports with Slidev's `src:`, relative to the file that imports
 * it. File access stays outside the parser: the loader passes a reader that keeps imports inside
 * the deck's folder, and the parser stays pure.
 */
export type ImportReader = (ref: string, from: string) => { file: string; source: string } | { code: string; message: string };

/** A slide ready to build: its source, the file it is in, and its own options (parsed once). */
export interface PreparedSlide {
  raw: RawSlide;
  file: string;
  own: ParsedOptions;
}

export interface PrepareContext {
  /** The deck file: problems there carry no file of their own. */
  deck: string;
  foreign: ForeignCheck;
  unknown: 'error' | 'warning';
  readImport?: ImportReader;
  problems: Problem[];
  /** Files already imported, read and prepared once however often they are imported. */
  files?: Map<string, PreparedSlide[]>;
}

const emptyOptions = (): ParsedOptions => ({ values: {}, foreign: [], positions: {}, problems: [] });

/**
 * Parses each slide's own options and puts in place of a slide with `src: file.md[#2,5-7]` the
 * slides of that file (Slidev's imports). Imported slides keep their own file and lines; the
 * importing slide's other options override theirs, as in Slidev.
 */
export function prepareSlides(raws: RawSlide[], file: string, cx: PrepareContext, chain: string[] = []): PreparedSlide[] {
  const out: PreparedSlide[] = [];
  raws.forEach((raw, n) => {
    const own = raw.frontmatter ? parseOptions(raw.frontmatter, SLIDE_OPTIONS, optionContext(file, n, cx)) : emptyOptions();
    cx.problems.push(...own.problems.map((p) => ({ ...p, ...fileOf(file, cx) })));
    const src = own.foreign.find((e) => e.key === 'src');
    if (!src) {
      out.push({ raw, file, own });
      return;
    }
    const at = { line: src.valueLine, column: src.valueColumn, ...fileOf(file, cx) };
    const fail = (code: string, message: string) => cx.problems.push({ severity: 'error', code, message, ...at });
    if (raw.body.trim() !== '') {
      cx.problems.push({ severity: 'warning', code: 'import-content', message: 'a slide that imports another file (`src:`) shows that file\'s slides; its own content is not shown', line: raw.bodyLine, column: 1, ...fileOf(file, cx) });
    }
    const [ref, range] = String(src.value ?? '').split('#');
    if (!cx.readImport) return fail('import-missing', `\`src: ${ref}\`: imported slides need the deck's folder (parse the deck with loadDeck)`);
    const read = cx.readImport(ref.trim(), file);
    if ('code' in read) return fail(read.code, `\`src: ${ref.trim()}\`: ${read.message}`);
    if (read.file === file || chain.includes(read.file)) return fail('import-cycle', `\`src: ${ref.trim()}\` imports a file that imports it back (${[...chain, file, read.file].join(' -> ')})`);
    const slides = importedFile(read.file, read.source, cx, [...chain, file]);
    const picked = pickRange(slides, range, (message) => cx.problems.push({ severity: 'warning', code: 'import-range', message: `\`src\`: ${message}`, ...at }));
    for (const slide of picked) out.push({ ...slide, own: override(slide.own, own) });
  });
  return out;
}

/** The prepared slides of an imported file, read once per deck. Its first front matter is its first slide's. */
function importedFile(file: string, source: string, cx: PrepareContext, chain: string[]): PreparedSlide[] {
  cx.files ??= new Map();
  const known = cx.files.get(file);
  if (known) return known;
  const split = splitDeck(source);
  cx.problems.push(...split.diagnostics.map((p) => ({ ...p, ...fileOf(file, cx) })));
  let raws = split.slides;
  if (split.frontmatter) {
    const first = raws[0] ?? { body: '', bodyLine: split.frontmatter.line + split.frontmatter.text.split('\n').length + 1, endLine: split.frontmatter.line, frontmatter: null, line: 1 };
    raws = [{ ...first, frontmatter: split.frontmatter, line: split.frontmatter.line }, ...raws.slice(1)];
  }
  const prepared = prepareSlides(raws, file, cx, chain);
  cx.files.set(file, prepared);
  return prepared;
}

const fileOf = (file: string, cx: PrepareContext) => (file === cx.deck ? {} : { file });

function optionContext(file: string, n: number, cx: PrepareContext) {
  return { where: `slide ${n + 1} options`, foreign: cx.foreign, unknown: cx.unknown, ...(file === cx.deck ? {} : { file }) };
}

/** The importing slide's options (but `src`) over the imported slide's own. */
function override(own: ParsedOptions, importer: ParsedOptions): ParsedOptions {
  const keys = new Set([...Object.keys(importer.values), ...importer.foreign.map((e) => e.key)]);
  return {
    values: { ...own.values, ...importer.values },
    positions: { ...own.positions, ...importer.positions },
    foreign: [...own.foreign.filter((e) => !keys.has(e.key)), ...importer.foreign.filter((e) => e.key !== 'src')],
    problems: [],
  };
}

/** Slidev's `#2,5-7`: slides 2, 5, 6 and 7 (1-based); all of them without a range. */
function pickRange<T>(slides: T[], range: string | undefined, warn: (message: string) => void): T[] {
  if (range === undefined || range.trim() === '') return slides;
  const picked: T[] = [];
  for (const part of range.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] ? Number(m[2]) : from;
    if (!m || from < 1 || to > slides.length || to < from) {
      warn(`\`${part}\` is not a range of the ${slides.length} slides of the imported file; it is left out`);
      continue;
    }
    for (let k = from; k <= to; k++) picked.push(slides[k - 1]);
  }
  return picked;
}
