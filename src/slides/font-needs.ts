import { eachBlock, type Block, type Deck, type Run } from '../deck/model.js';

/**
 * Which faces beyond Inter a deck needs, from its text: DejaVu Sans Mono for code, Noto Color
 * Emoji for emoji, DejaVu Sans for characters Inter's Latin face lacks (arrows, symbols, other
 * scripts). A deck loads only these, so one without code or emoji pays nothing for them.
 */
export interface FontNeeds {
  mono: boolean;
  /** Every emoji the deck shows, once each (empty when it has none). */
  emoji: string;
  symbols: boolean;
}

/** Emoji pictures: pictographs and flags, but not digits, `#` and `*` (which are emoji only with a variation selector). */
export const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** What Inter's Latin face (@fontsource/inter's `latin` subset) covers: its unicode-range. */
const INTER_LATIN: [number, number][] = [
  [0x0000, 0x00ff], [0x0131, 0x0131], [0x0152, 0x0153], [0x02bb, 0x02bc], [0x02c6, 0x02c6], [0x02da, 0x02da],
  [0x02dc, 0x02dc], [0x0304, 0x0304], [0x0308, 0x0308], [0x0329, 0x0329], [0x2000, 0x206f], [0x20ac, 0x20ac],
  [0x2122, 0x2122], [0x2191, 0x2191], [0x2193, 0x2193], [0x2212, 0x2212], [0x2215, 0x2215], [0xfeff, 0xfeff], [0xfffd, 0xfffd],
];
export const INTER_LATIN_RANGES = INTER_LATIN;

const EMOJI_ALL = new RegExp(EMOJI.source, 'gu');
const inInter = (cp: number) => INTER_LATIN.some(([a, b]) => cp >= a && cp <= b);

/** Text and whether it is set in the monospace face, for every run and block of the deck. */
function* textsOf(blocks: Block[]): Generator<[string, boolean]> {
  const runs = function* (rs: Run[]): Generator<[string, boolean]> {
    // A formula is drawn in KaTeX's fonts (loaded with its stylesheet), or as code when not typeset.
    for (const r of rs) if (!r.math || !r.html) yield [r.text, Boolean(r.code || r.kbd || r.math)];
  };
  for (const b of eachBlock(blocks)) {
    if (b.type === 'heading' || b.type === 'paragraph') yield* runs(b.runs);
    else if (b.type === 'list') for (const item of b.items) yield* runs(item.runs);
    else if (b.type === 'quote') {
      for (const p of b.paragraphs) yield* runs(p);
      yield [b.attribution ?? '', false];
    } else if (b.type === 'code') yield [b.value, true];
    else if (b.type === 'table') for (const row of [b.head, ...b.rows]) for (const cell of row) yield* runs(cell);
    else if (b.type === 'image') yield [b.alt, false];
    else if (b.type === 'math' && !b.html) yield [b.tex, true];
    // mermaid sets its labels in Inter and its fallbacks.
    else if (b.type === 'diagram') yield [b.code, false];
  }
}

export function fontNeeds(deck: Deck): FontNeeds {
  const needs: FontNeeds = { mono: false, emoji: '', symbols: false };
  const emoji = new Set<string>();
  const texts: [string, boolean][] = [[deck.title, false], [deck.options.event ?? '', false], [deck.options.author ?? '', false]];
  for (const slide of deck.slides) {
    texts.push(...textsOf(slide.blocks), [slide.style?.header ?? '', false], [slide.style?.footer ?? '', false]);
  }
  for (const [text, mono] of texts) {
    if (mono) needs.mono = true;
    if (EMOJI.test(text)) for (const m of text.matchAll(EMOJI_ALL)) emoji.add(m[0]);
    if (!mono && !needs.symbols) {
      for (const ch of text.replace(new RegExp(EMOJI.source, 'gu'), '')) {
        const cp = ch.codePointAt(0)!;
        if (!inInter(cp) && cp !== 0xfe0f && cp !== 0x200d) {
          needs.symbols = true;
          break;
        }
      }
    }
  }
  needs.emoji = [...emoji].join('');
  return needs;
}
