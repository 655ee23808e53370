import path from 'node:path';
import type { Worker } from 'tesseract.js';
import { DeckError } from '../../src/deck/errors.js';
import { loadDeck, type LoadedDeck } from '../../src/deck/load.js';
import type { Deck, Diagnostic, Slide } from '../../src/deck/model.js';
import { slideText } from '../../src/deck/text.js';
import { prepareDeck } from '../../src/prepare/index.js';
import { probeSlides } from '../../src/render/capture/probe.js';
import { renderTalk } from '../../src/render/render-talk.js';
import { packageRoot } from '../../src/render/cache/root.js';
import type { RenderSession } from '../../src/render/browser/session.js';
import { eventLine } from '../../src/slides/geometry.js';
import type { CorpusDeck } from './decks.js';
import { renderWithMarp } from './marp.js';
import { drawnParts, sourceParts } from './parts.js';
import { readSlide } from './ocr.js';
import { isBlank, readPicture } from './pixels.js';
import type { DeckResult, MarpResult } from './report.js';
import { recall, total, words } from './words.js';

export interface RunContext {
  session: RenderSession;
  ocr: Worker;
  /** out/corpus: each deck renders into its own folder in it. */
  outRoot: string;
  /** The browser Marp CLI runs in (talkreel's), or null to skip Marp CLI. */
  marpBrowser: string | null;
  log: (line: string) => void;
}

/**
 * The words a viewer should read on a slide: its text, and on a title slide the event and date
 * line the title layout adds from the deck's options.
 */
export function expectedWords(deck: Deck, slide: Slide): string[] {
  const meta = slide.layout === 'title' ? (eventLine(deck.options) ?? '') : '';
  return words(`${slideText(slide)}\n${meta}`);
}

/** Slide numbers that a diagnostic of this code is about: named in its message, else by its line. */
export function slidesWith(diagnostics: Diagnostic[], code: string, deck: Deck): number[] {
  const found = new Set<number>();
  for (const d of diagnostics.filter((x) => x.code === code)) {
    const named = /\bslide (\d+)\b/.exec(d.message);
    const n = named ? Number(named[1]) : deck.slides.find((s) => d.line >= s.line && d.line <= s.endLine)?.index;
    if (n !== undefined) found.add(n);
  }
  return [...found].sort((a, b) => a - b);
}

function tally(result: DeckResult, diagnostics: Diagnostic[]) {
  for (const d of diagnostics) {
    const into = d.severity === 'error' ? result.errors : result.warnings;
    into[d.code] = (into[d.code] ?? 0) + 1;
  }
}

/** Renders one corpus deck's thumbnails with talkreel (and Marp CLI for a Marp deck) and reads them back. */
export async function runDeck(d: CorpusDeck, ctx: RunContext): Promise<DeckResult> {
  const started = performance.now();
  const outDir = path.join(ctx.outRoot, d.name);
  const result: DeckResult = {
    deck: d.name, file: path.relative(packageRoot, d.file), marp: d.marp, slides: 0, rendered: false,
    errors: {}, warnings: {}, cut: [], small: [], empty: [], recall: null, parts: null, perSlide: [], marpRecall: null, seconds: 0,
  };
  const finish = () => ({ ...result, seconds: Math.round((performance.now() - started) / 100) / 10 });
  let loaded: LoadedDeck;
  try {
    loaded = loadDeck(d.file);
  } catch (err) {
    if (!(err instanceof DeckError)) throw err;
    tally(result, err.diagnostics);
    return finish();
  }
  const { deck } = loaded;
  result.slides = deck.slides.length;
  const expected = deck.slides.map((s) => expectedWords(deck, s));
  let width = 1920;
  try {
    const rendered = await renderTalk({ deck: d.file, out: outDir, video: false, session: ctx.session });
    tally(result, rendered.diagnostics);
    result.rendered = true;
    width = rendered.manifest.width;
    result.cut = slidesWith(rendered.diagnostics, 'text-overflow', deck);
    result.small = slidesWith(rendered.diagnostics, 'text-small', deck);
    for (const [i, slide] of deck.slides.entries()) {
      const thumbnail = rendered.thumbnails[i];
      const reading = await readSlide(ctx.ocr, thumbnail, expected[i]);
      const hasContent = expected[i].length > 0 || slide.blocks.some((b) => b.type === 'image');
      const empty = hasContent && isBlank(readPicture(thumbnail));
      if (empty) result.empty.push(slide.index);
      result.perSlide.push({ index: slide.index, title: slide.title, thumbnail: path.relative(ctx.outRoot, thumbnail), recall: recall(expected[i], reading.words), empty });
    }
    result.recall = total(result.perSlide.map((s) => s.recall));
    // What the page draws of the deck's own features, against what the source asks for.
    const source = sourceParts(deck);
    await prepareDeck(deck);
    result.parts = { source, drawn: drawnParts(await probeSlides(ctx.session, deck), rendered.manifest) };
    ctx.log(`  talkreel: ${deck.slides.length} slides, recall ${result.recall.found}/${result.recall.expected}`);
  } catch (err) {
    if (!(err instanceof DeckError)) throw err;
    tally(result, err.diagnostics);
    ctx.log(`  talkreel: not rendered (${err.message})`);
  }
  if (d.marp && ctx.marpBrowser) result.marpRecall = await runMarp(d, expected, path.join(outDir, 'marp'), width / 1280, ctx);
  return finish();
}

/**
 * Marp CLI's own rendering of the deck, read against the same words. When Marp makes as many
 * slides as talkreel parsed, slide by slide; otherwise for the deck as a whole.
 */
async function runMarp(d: CorpusDeck, expected: string[][], outDir: string, scale: number, ctx: RunContext): Promise<MarpResult> {
  const all = expected.flat();
  let pngs: string[];
  try {
    pngs = await renderWithMarp(d.file, outDir, scale, ctx.marpBrowser as string);
  } catch (err) {
    const failed = String((err as { stderr?: string }).stderr || (err as Error).message).trim().split('\n').slice(-1)[0];
    ctx.log(`  Marp CLI failed: ${failed}`);
    return { slides: 0, recall: recall(all, []), pooled: true, perSlide: [], failed };
  }
  const pooled = pngs.length !== expected.length;
  const readings: string[][] = [];
  for (const [i, png] of pngs.entries()) readings.push((await readSlide(ctx.ocr, png, pooled ? all : expected[i])).words);
  const perSlide = pooled ? [] : expected.map((e, i) => recall(e, readings[i]));
  const r = pooled ? recall(all, readings.flat()) : total(perSlide);
  ctx.log(`  Marp CLI: ${pngs.length} slides, recall ${r.found}/${r.expected}${pooled ? ' (whole deck)' : ''}`);
  return { slides: pngs.length, recall: r, pooled, perSlide };
}
