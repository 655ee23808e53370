import fs from 'node:fs';
import path from 'node:path';
import { PART_NAMES, type Parts } from './parts.js';
import { share, type Recall } from './words.js';

export interface SlideResult {
  index: number;
  title: string;
  thumbnail: string | null;
  recall: Recall;
  /** The thumbnail shows nothing but the background, while the slide has content in the source. */
  empty: boolean;
}

export interface MarpResult {
  slides: number;
  recall: Recall;
  /** Slide counts differ from talkreel's: Marp's words are compared for the deck as a whole. */
  pooled: boolean;
  /** Slide by slide, when not pooled. */
  perSlide: Recall[];
  /** Marp CLI failed: its message. */
  failed?: string;
}

export interface DeckResult {
  deck: string;
  file: string;
  marp: boolean;
  /** Slides of the parsed deck (0 when the file could not be read). */
  slides: number;
  rendered: boolean;
  errors: Record<string, number>;
  warnings: Record<string, number>;
  /** Slide numbers with a `text-overflow` warning (cut), and with a `text-small` one (below the floor). */
  cut: number[];
  small: number[];
  empty: number[];
  recall: Recall | null;
  /** Columns, clicks, formulas, diagrams and highlighted code blocks: in the source, and drawn in the page. */
  parts: { source: Parts; drawn: Parts } | null;
  perSlide: SlideResult[];
  marpRecall: MarpResult | null;
  seconds: number;
}

export interface Target {
  name: string;
  met: boolean;
  /** What missed it. */
  detail: string;
}

/** Targets of one deck, as the issue sets them. */
export function deckTargets(d: DeckResult): Target[] {
  const errors = Object.values(d.errors).reduce((a, b) => a + b, 0);
  const recall = d.recall ? share(d.recall) : 0;
  const targets: Target[] = [
    { name: 'no errors', met: errors === 0, detail: `${errors} error(s)` },
    { name: 'no slide cut', met: d.rendered && d.cut.length === 0, detail: d.rendered ? `cut: ${d.cut.join(', ')}` : 'not rendered' },
    { name: 'no empty slide', met: d.rendered && d.empty.length === 0, detail: d.rendered ? `empty: ${d.empty.join(', ')}` : 'not rendered' },
    { name: 'OCR recall >= 95%', met: recall >= 0.95, detail: d.recall ? pct(recall) : 'not rendered' },
    { name: 'every part drawn', met: d.parts !== null && PART_NAMES.every((n) => d.parts!.drawn[n] === d.parts!.source[n]), detail: d.parts ? partsText(d.parts) : 'not rendered' },
  ];
  if (d.marp) {
    const marp = d.marpRecall && !d.marpRecall.failed ? share(d.marpRecall.recall) : null;
    const met = marp !== null && d.recall !== null && recall >= marp - 0.02;
    targets.push({ name: 'recall within 2 points of Marp', met, detail: marp === null ? (d.marpRecall?.failed ?? 'Marp not run') : `${pct(recall)} vs Marp ${pct(marp)}` });
  }
  return targets;
}

/** Reference PNGs the issue asks for: each kind of slide in both themes. */
export const REFERENCE_KINDS = ['code', 'table', 'nested-list', 'emoji', 'html', 'two-columns', 'formula', 'diagram', 'grid'] as const;

/**
 * A kind has its references when tests/visual/reference/dark and light each hold a PNG of a slide
 * titled by the kind: `NN-code.png`, `NN-table.png`, `NN-nested-list.png`, `NN-emoji.png`,
 * `NN-html.png` (thumbnail names are the slide's number and slug).
 */
export function referenceTargets(referenceDir: string): Target[] {
  return REFERENCE_KINDS.map((kind) => {
    const missing = ['dark', 'light'].filter((theme) => {
      const dir = path.join(referenceDir, theme);
      return !fs.existsSync(dir) || !fs.readdirSync(dir).some((f) => new RegExp(`^(\\d+-)?${kind}\\.png$`).test(f));
    });
    return { name: `${kind} slide references (dark and light)`, met: missing.length === 0, detail: missing.length ? `none in ${missing.join(', ')}` : 'present' };
  });
}

/** `columns 2/2, clicks 5/6, ...`: drawn of source, for the parts a deck has. */
export function partsText(p: { source: Parts; drawn: Parts }): string {
  const used = PART_NAMES.filter((n) => p.source[n] || p.drawn[n]);
  return used.map((n) => `${n} ${p.drawn[n]}/${p.source[n]}`).join(', ') || '-';
}

export const pct = (x: number) => `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;
const codes = (m: Record<string, number>) =>
  Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ') || '-';
const list = (xs: number[]) => (xs.length ? `${xs.length} (${xs.join(', ')})` : '0');
const mark = (met: boolean) => (met ? 'met' : '**missed**');

export interface Report {
  decks: DeckResult[];
  references: Target[];
  date: string;
}

/** The report as Markdown: one row per deck, the targets met or missed, then the words each deck missed. */
export function reportMarkdown(r: Report): string {
  const rows = r.decks.map((d) => {
    const t = deckTargets(d);
    const recall = d.recall ? `${pct(share(d.recall))} (${d.recall.found}/${d.recall.expected})` : 'not rendered';
    const marp = !d.marp ? '' : d.marpRecall?.failed ? 'failed' : d.marpRecall ? `${pct(share(d.marpRecall.recall))}${d.marpRecall.pooled ? ' (whole deck)' : ''}` : 'not run';
    const missed = t.filter((x) => !x.met).map((x) => x.name);
    const slides = (xs: number[]) => (d.rendered ? list(xs) : '-');
    return `| ${d.deck} | ${d.marp ? 'Marp' : 'Slidev/talkreel'} | ${d.slides} | ${codes(d.errors)} | ${codes(d.warnings)} | ${slides(d.cut)} | ${slides(d.small)} | ${slides(d.empty)} | ${recall} | ${marp} | ${d.parts ? partsText(d.parts) : '-'} | ${missed.length ? `**${missed.length} missed**` : 'all met'} |`;
  });
  const met = (name: string) => r.decks.filter((d) => deckTargets(d).find((t) => t.name === name)?.met).length;
  const marpDecks = r.decks.filter((d) => d.marp).length;
  const lines = [
    `# talkreel corpus report`,
    '',
    `${r.decks.length} decks, rendered ${r.date} (thumbnails only). Recall: the parsed deck's visible words found by OCR in the thumbnails, slide by slide.`,
    '',
    '| deck | kind | slides | errors | warnings | cut | below floor | empty | OCR recall | Marp recall | parts drawn/source | targets |',
    '| --- | --- | ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Targets',
    '',
    '| target | decks meeting it | |',
    '| --- | --- | --- |',
    ...['no errors', 'no slide cut', 'no empty slide', 'OCR recall >= 95%', 'every part drawn'].map((n) => `| ${n} | ${met(n)} of ${r.decks.length} | ${mark(met(n) === r.decks.length)} |`),
    ...(marpDecks ? [`| recall within 2 points of Marp | ${met('recall within 2 points of Marp')} of ${marpDecks} Marp decks | ${mark(met('recall within 2 points of Marp') === marpDecks)} |`] : []),
    ...r.references.map((t) => `| ${t.name} | ${t.detail} | ${mark(t.met)} |`),
    '',
    '## Words not found',
    '',
    ...r.decks.flatMap((d) => missedWords(d)),
  ];
  return `${lines.join('\n')}\n`;
}

function missedWords(d: DeckResult): string[] {
  const out = !d.rendered ? [`- **${d.deck}**: not rendered (${codes(d.errors)})`] : [`- **${d.deck}**:${d.perSlide.some((s) => s.recall.missing.length) ? '' : ' every word found'}`];
  for (const s of d.perSlide.filter((x) => x.recall.missing.length > 0)) out.push(`  - slide ${s.index} (${s.title}): ${missing(s.recall)}`);
  const m = d.marpRecall;
  if (m && !m.failed && m.pooled && m.recall.missing.length) out.push(`  - Marp CLI, whole deck (${m.slides} slides): ${missing(m.recall)}`);
  if (m && !m.failed && !m.pooled) m.perSlide.forEach((r, i) => r.missing.length && out.push(`  - Marp CLI, slide ${i + 1}: ${missing(r)}`));
  return out;
}

const missing = (r: Recall) => `${r.found}/${r.expected}, missing ${r.missing.slice(0, 12).join(' ')}${r.missing.length > 12 ? ' ...' : ''}`;

/** Writes report.md and report.json into `dir` (each under a temporary name, then renamed). */
export function writeReport(r: Report, dir: string): { markdown: string; json: string } {
  fs.mkdirSync(dir, { recursive: true });
  const markdown = path.join(dir, 'report.md');
  const json = path.join(dir, 'report.json');
  const data = { ...r, decks: r.decks.map((d) => ({ ...d, targets: deckTargets(d) })) };
  writeAtomic(markdown, reportMarkdown(r));
  writeAtomic(json, `${JSON.stringify(data, null, 2)}\n`);
  return { markdown, json };
}

function writeAtomic(file: string, text: string) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
