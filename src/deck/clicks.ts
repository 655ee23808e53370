import type { Click } from './model.js';

/**
 * Slidev's click counter, as its client counts (packages/client/composables/useClicks.ts): every
 * click source takes its place when it is met, relative (`'+1'`, the default: after the ones
 * before) or absolute (`3`: at click 3, whatever came before). The slide plays as many clicks
 * as the largest one any source reaches.
 *
 * talkreel follows a slide's clicks when they come in the order they are written: a slide whose
 * sources go back (an absolute click before a later one, `'-1'`), or nest inside each other
 * (Slidev numbers those inside-out), or use an expression, is not followed: it is shown whole,
 * with one warning.
 */
export type ClickValue = { relative: number } | { absolute: number } | null;

export class ClickCounter {
  private offset = 0;
  private max = 0;
  private lastStart = 0;
  /** Why the clicks cannot be followed; null while they can. */
  broken: string | null = null;

  /** The slide's clicks: the largest any source reaches. */
  get total(): number {
    return this.max;
  }

  /** A source taking `size` clicks from `value`; the click it starts at. */
  since(value: ClickValue, size = 1): number | null {
    if (value === null) return null;
    let start: number;
    if ('relative' in value) {
      start = this.offset + value.relative;
      this.offset += value.relative + size - 1;
      if (value.relative < 0) this.break('a click source goes back (a negative relative click)');
    } else {
      start = Math.max(1, value.absolute);
    }
    this.max = Math.max(this.max, start + size - 1);
    if (start < this.lastStart) this.break(`click ${start} comes after click ${this.lastStart} in the slide`);
    this.lastStart = Math.max(this.lastStart, start);
    return start;
  }

  /** `v-click="[2, 4]"`: shown from the first click until the second. */
  range(from: ClickValue, to: ClickValue): Click | null {
    const start = this.since(from);
    if (start === null || to === null) return start === null ? null : { at: start };
    const until = 'relative' in to ? start + to.relative : to.absolute;
    if ('relative' in to) this.offset += to.relative;
    this.max = Math.max(this.max, until);
    return { at: start, until };
  }

  break(reason: string): void {
    this.broken ??= reason;
  }
}

/**
 * A click value as Vue templates write it: an attribute's text is a JavaScript expression
 * (`v-click="3"`, `v-click="'+2'"`, `v-click` alone: `'+1'`), a component's prop a string
 * (`at="+2"` relative, `at="3"` absolute) or, bound (`:at="3"`), an expression. Anything else is
 * an expression talkreel does not evaluate: `undefined` (the caller marks the slide unfollowable).
 */
export function readClickValue(raw: string | undefined, as: 'expression' | 'string'): ClickValue | undefined {
  if (raw === undefined || raw.trim() === '' || raw.trim() === 'true') return { relative: 1 };
  let text = raw.trim();
  if (text === 'false') return null;
  if (as === 'expression') {
    const quoted = /^(['"`])(.*)\1$/.exec(text);
    if (quoted) text = quoted[2].trim();
    else if (!/^[+-]?\d+$/.test(text)) return undefined;
    else if (!/^[+-]/.test(text)) return { absolute: Number(text) };
  }
  const m = /^([+-]?)(\d+)$/.exec(text);
  if (!m) return undefined;
  return m[1] ? { relative: Number(`${m[1]}${m[2]}`) } : { absolute: Number(m[2]) };
}

/** `[2, 4]`, `['+1', '+2']`: the two ends of a range written as a JavaScript array; null when it is none. */
export function readClickRange(raw: string | undefined): [ClickValue | undefined, ClickValue | undefined] | null {
  const m = raw === undefined ? null : /^\s*\[\s*([^,\]]+)\s*,\s*([^\]]+?)\s*\]\s*$/.exec(raw);
  return m ? [readClickValue(m[1], 'expression'), readClickValue(m[2], 'expression')] : null;
}
