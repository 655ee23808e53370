import type { ClickCounter } from './clicks.js';
import type { Dialect } from './dialects.js';
import { blockRuns, eachBlock, type Block, type Layout } from './model.js';

/**
 * How many clicks a slide plays, and which of its parts come at which click.
 *
 * - A Marp or Slidev slide plays its own clicks (Slidev's `v-click`s, `<v-clicks>`, code line
 *   highlights; Marp's fragmented lists), and only those: its other lists appear at once, as in
 *   its own tool. Slidev's `clicks: N` sets their number.
 * - A talkreel slide builds its top-level list items one after another (its own clicks, if it
 *   has any, come instead); a quote's attribution comes a beat after the quote (no clicks).
 * - A slide whose clicks cannot be followed is shown whole, with a warning, and plays none.
 */
export interface SlideClicks {
  clicks?: number;
  /** Why the slide's clicks are not followed, for the warning. */
  unfollowed?: string;
  /** Slidev's `clicks: N` asked for more clicks than the slide changes at: those not played. */
  idle?: number;
}

export function finishClicks(blocks: Block[], counter: ClickCounter, options: { dialect: Dialect; layout: Layout; override?: number }): SlideClicks {
  if (counter.broken) {
    stripClicks(blocks);
    return { clicks: 0, unfollowed: counter.broken };
  }
  if (options.dialect !== 'talkreel') {
    // Clicks past the last one anything on the slide follows change nothing talkreel draws (in
    // Slidev, components that read $clicks follow them): played, they would only hold the slide.
    const asked = options.override ?? counter.total;
    return asked > counter.total ? { clicks: counter.total, idle: asked - counter.total } : { clicks: asked };
  }
  if (counter.total > 0) return { clicks: counter.total };
  if (options.layout === 'bullets' || options.layout === 'content') return { clicks: buildListItems(blocks) };
  return {};
}

/** The slide has parts that come at a click, or code whose highlights change at clicks. */
export const hasClicks = (blocks: Block[]): boolean =>
  [...eachBlock(blocks)].some((b) => b.click || (b.type === 'code' && b.statesAt !== undefined) || blockRuns(b).some((r) => r.click) || (b.type === 'list' && b.items.some((i) => i.click)));

/** talkreel's list builds: each top-level item of the slide's lists, one click after another. */
function buildListItems(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) if (b.type === 'list') for (const item of b.items) item.click = { at: ++n };
  return n;
}

/** Every click of the slide taken out: it is shown whole, and code at its last state. */
function stripClicks(blocks: Block[]): void {
  for (const b of eachBlock(blocks)) {
    delete b.click;
    if (b.type === 'code') delete b.statesAt;
    if (b.type === 'list') for (const item of b.items) delete item.click;
    for (const r of blockRuns(b)) delete r.click;
  }
}

