/**
 * `npm run corpus`: renders every deck of tests/corpus (thumbnails only, one browser for all),
 * reads the thumbnails back with OCR, renders Marp decks with Marp CLI too, and writes
 * out/corpus/report.md and report.json (the Markdown table is also printed) and a contact sheet
 * of the whole corpus, out/corpus/contact-sheet.png. Options:
 *   NAME...        only these decks (folder names under tests/corpus)
 *   --sheet FILE   also copy the contact sheet to FILE (e.g. docs/corpus-contact-sheet.png)
 *   --no-marp      skip Marp CLI
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chooseBrowser } from '../../src/render/browser/browser.js';
import { packageRoot } from '../../src/render/cache/root.js';
import { openSession } from '../../src/render/browser/session.js';
import { listCorpus, selectDecks } from './decks.js';
import { runDeck } from './deck-run.js';
import { openOcr } from './ocr.js';
import { referenceTargets, reportMarkdown, writeReport, type DeckResult, type Report } from './report.js';
import { writeCorpusSheet } from './sheet.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
let args: ReturnType<typeof parse>;
const parse = () =>
  parseArgs({ allowPositionals: true, options: { sheet: { type: 'string' }, 'no-marp': { type: 'boolean', default: false } } });
try {
  args = parse();
} catch (err) {
  log(`corpus: ${(err as Error).message}`);
  process.exit(2);
}
let decks;
try {
  decks = selectDecks(listCorpus(), args.positionals);
} catch (err) {
  log(`corpus: ${(err as Error).message}`);
  process.exit(2);
}

const outRoot = path.join(packageRoot, 'out', 'corpus');
const marpBrowser = args.values['no-marp'] ? null : chooseBrowser(undefined, packageRoot).executablePath;
const session = await openSession();
const ocr = await openOcr();
const results: DeckResult[] = [];
const report = (): Report => ({ decks: results, references: referenceTargets(path.join(packageRoot, 'tests', 'visual', 'reference')), date: new Date().toISOString().slice(0, 10) });
try {
  for (const [i, deck] of decks.entries()) {
    log(`${i + 1}/${decks.length} ${deck.name}${deck.marp ? ' (Marp)' : ''}`);
    results.push(await runDeck(deck, { session, ocr, outRoot, marpBrowser, log }));
    // After every deck, so that a long run's results so far are kept.
    writeReport(report(), outRoot);
  }
} finally {
  await ocr.terminate();
  await session.close();
}

const written = writeReport(report(), outRoot);
process.stdout.write(reportMarkdown(report()));
const sheet = path.join(outRoot, 'contact-sheet.png');
await writeCorpusSheet(
  results.map((r) => ({
    name: r.deck,
    note: r.rendered ? `${r.slides} slides` : `not rendered: ${Object.entries(r.errors).map(([c, n]) => `${c} ${n}`).join(', ')}`,
    pictures: r.perSlide.map((s) => path.join(outRoot, s.thumbnail ?? '')),
  })),
  sheet,
);
if (args.values.sheet) {
  const copy = path.resolve(args.values.sheet);
  fs.copyFileSync(sheet, `${copy}.tmp-${process.pid}`);
  fs.renameSync(`${copy}.tmp-${process.pid}`, copy);
}
log(`\nwrote ${path.relative(process.cwd(), written.markdown)}, ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), sheet)}${args.values.sheet ? ` (copied to ${args.values.sheet})` : ''}`);
