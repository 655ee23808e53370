import { sortDiagnostics } from '../deck/diagnostics.js';
import { loadDeck } from '../deck/load.js';
import { hasErrors } from '../deck/parse.js';
import { strictDiagnostics } from '../deck/strict.js';
import { prepareDeck } from '../prepare/index.js';
import { timelineChecks } from '../render/plan/checks.js';
import { planTimeline } from '../timing/plan.js';
import { checkStarts, deckStarts } from '../timing/starts.js';
import type { CliContext } from './context.js';
import { formatDiagnostics } from './diagnostics.js';
import { clock } from './render-command.js';

/** `talkreel check [deck]`: the checks of a render, without rendering; returns the exit code. */
export async function runCheck(deck: string, opts: { strict?: boolean }, context: CliContext): Promise<number> {
  const loaded = loadDeck(deck);
  loaded.diagnostics.push(...(await prepareDeck(loaded.deck)));
  const parsed = loaded.deck;
  // Recorded timings written in the deck (`at:`) are checked too; the recording's length is not.
  const recorded = deckStarts(parsed);
  const found = [...loaded.diagnostics, ...recorded.diagnostics];
  if (recorded.starts && recorded.diagnostics.length === 0) found.push(...checkStarts(recorded.starts, parsed.slides.length, parsed.options.fps, null, { file: parsed.file, line: 1 }));
  const t = hasErrors(found) ? null : planTimeline(parsed);
  // The same checks a render makes: chapters, captions, the text's fit.
  if (t) found.push(...timelineChecks(parsed, t));
  sortDiagnostics(found, parsed.file);
  const diagnostics = opts.strict ? strictDiagnostics(found) : found;
  if (diagnostics.length > 0) context.stderr.write(`${formatDiagnostics(diagnostics)}\n`);
  if (!t || hasErrors(diagnostics)) return 1;
  context.stdout.write(`${parsed.file}: ${parsed.slides.length} slides, ${clock(t.durationInFrames / t.fps)} at ${t.fps} fps, ${t.width}x${t.height}\n`);
  return 0;
}
