import fs from 'node:fs';
import path from 'node:path';
import { interrupted, TalkreelError, usageError } from '../errors.js';
import { defaultOutDir, type RenderOptions, type RenderResult } from './plan/render-plan.js';
import { renderTalk } from './render-talk.js';
import { openSession } from './browser/session.js';

export interface DeckOutcome {
  deck: string;
  outDir: string;
  /** The render's result, or why it failed (a DeckError carries every diagnostic). */
  result?: RenderResult;
  error?: unknown;
}

export interface RenderDecksOptions extends Omit<RenderOptions, 'deck' | 'out' | 'onProgress'> {
  /** Parent folder: each deck goes to `<out>/<deck name>/`; default `out/<deck name>/`. */
  out?: string;
  /** Called before each deck; the returned progress callback receives that deck's progress. */
  onDeck?: (deck: string, index: number, total: number) => RenderOptions['onProgress'] | void;
  /** Called after each deck, rendered or failed. */
  onOutcome?: (outcome: DeckOutcome) => void;
}

/** Deck files named on the command line: a folder stands for the `.md` files directly in it. */
export function expandDecks(args: string[]): string[] {
  return args.flatMap((arg) => {
    if (!fs.statSync(arg, { throwIfNoEntry: false })?.isDirectory()) return [arg];
    const decks = fs.readdirSync(arg).filter((n) => n.endsWith('.md')).sort().map((n) => path.join(arg, n));
    if (decks.length === 0) throw new TalkreelError('deck-missing', `${arg}: no .md decks in this folder`);
    return decks;
  });
}

const deckName = (deck: string) => path.basename(deck).replace(/\.[^.]+$/, '');

/**
 * Renders several decks one after another with one bundle and one browser: the caller's session,
 * else one opened and closed here. A deck that fails does not stop the others; each outcome says
 * whether its deck rendered.
 */
export async function renderDecks(decks: string[], options: RenderDecksOptions = {}): Promise<DeckOutcome[]> {
  const names = new Map<string, string>();
  for (const deck of decks) {
    const name = deckName(deck);
    const other = names.get(name);
    if (other !== undefined && path.resolve(other) !== path.resolve(deck)) {
      throw usageError(`${other} and ${deck} would both render into the folder "${name}"; rename one`);
    }
    names.set(name, deck);
  }
  const { onDeck, onOutcome, out, session: given, ...common } = options;
  const session = given ?? (await openSession({ browser: options.browser }));
  const outcomes: DeckOutcome[] = [];
  try {
    for (const [i, deck] of decks.entries()) {
      if (options.signal?.aborted) throw interrupted(true);
      const outDir = out ? path.join(out, deckName(deck)) : defaultOutDir(deck);
      const onProgress = onDeck?.(deck, i, decks.length) ?? undefined;
      const outcome: DeckOutcome = { deck, outDir: path.resolve(outDir) };
      try {
        outcome.result = await renderTalk({ ...common, deck, out: outDir, session, onProgress });
      } catch (err) {
        if (options.signal?.aborted) throw err;
        outcome.error = err;
      }
      outcomes.push(outcome);
      onOutcome?.(outcome);
    }
  } finally {
    if (!given) await session.close();
  }
  return outcomes;
}
