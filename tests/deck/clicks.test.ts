import { describe, expect, it } from 'vitest';
import type { Block, Click, Slide } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';

/** One Slidev slide (the headmatter makes it a Slidev deck). */
const slidev = (body: string, fm = '') => parseDeck(`---\ntheme: seriph\n${fm}---\n\n# Slide\n\n${body}\n`, 'slides.md');
const marp = (body: string) => parseDeck(`---\nmarp: true\n---\n\n# Slide\n\n${body}\n`, 'slides.md');

const show = (c: Click | undefined) => (c ? `${c.hide ? 'hide@' : '@'}${c.at}${c.until ? `-${c.until}` : ''}` : '-');
/** Every block's text and click, list items one by one (nested ones under theirs), in reading order. */
function clicks(slide: Slide): string[] {
  const out: string[] = [];
  const text = (b: Block) => ('runs' in b ? b.runs.map((r) => r.text).join('') : b.type);
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading') continue;
      if (b.type === 'list') {
        for (const item of b.items) {
          out.push(`${item.runs.map((r) => r.text).join('')} ${show(item.click ?? b.click)}`);
          walk(item.blocks);
        }
      } else if (b.type === 'code') out.push(`code ${b.statesAt === undefined ? '-' : `states@${b.statesAt}`}`);
      else out.push(`${text(b)} ${show(b.click)}`);
    }
  };
  walk(slide.blocks);
  return out;
}

describe("Slidev's clicks, as Slidev counts them", () => {
  it('v-click one after another, absolute indices in order, v-after with the last, hide and ranges', () => {
    const { deck, diagnostics } = slidev('<div v-click>A</div>\n\n<div v-after>B</div>\n\n<div v-click>C</div>\n\n<div v-click.hide>D</div>\n\n<p v-click="[\'+1\', \'+2\']">E</p>\n\n<v-click at="+1">\n\nF\n\n</v-click>\n\n<div v-click="8">G</div>');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'unsupported-option' })]); // theme
    expect(clicks(deck.slides[0])).toEqual(['A @1', 'B @1', 'C @2', 'D hide@3', 'E @4-6', 'F @7', 'G @8']);
    expect(deck.slides[0].clicks).toBe(8);
  });

  it('<v-clicks>: each list item a click, nested items down to depth, every N items one click', () => {
    expect(clicks(slidev('<v-clicks>\n\n- a\n- b\n- c\n\n</v-clicks>').deck.slides[0])).toEqual(['a @1', 'b @2', 'c @3']);
    expect(clicks(slidev('<v-clicks depth="2">\n\n- a\n  - a1\n- b\n\n</v-clicks>').deck.slides[0])).toEqual(['a @1', 'a1 @2', 'b @3']);
    expect(clicks(slidev('<v-clicks every="2">\n\n- a\n- b\n- c\n\n</v-clicks>').deck.slides[0])).toEqual(['a @1', 'b @1', 'c @2']);
  });

  it('code line highlights take a click for each step after the first, in their place among the others', () => {
    const { deck } = slidev('<div v-click>one</div>\n\n```ts {1|2|3}\na\nb\nc\n```\n\n<div v-click>four</div>\n\n<div v-after>also four</div>');
    expect(clicks(deck.slides[0])).toEqual(['one @1', 'code states@2', 'four @4', 'also four @4']);
    expect(deck.slides[0].clicks).toBe(4);
  });

  it('a list without <v-clicks> appears at once, as in Slidev; `clicks:` sets the number', () => {
    expect(slidev('- a\n- b').deck.slides[0].clicks).toBe(0);
    expect(slidev('<div v-click>A</div><div v-click>B</div>', 'clicks: 1\n').deck.slides[0].clicks).toBe(1);
    // Clicks nothing drawn follows (in Slidev, components reading $clicks would) are not played.
    const idle = slidev('<div v-click>A</div>', 'clicks: 5\n');
    expect(idle.deck.slides[0].clicks).toBe(1);
    expect(idle.diagnostics.map((d) => `${d.code}: ${d.message}`)).toContain('unsupported-option: slide 1: `clicks: 5` asks for 4 click(s) more than anything on the slide follows: it plays 1');
  });

  it('a part of a line can come at a click; a v-mark is not drawn but counts', () => {
    const slide = slidev('Text <span v-mark>marked</span> and <span v-click>later</span>').deck.slides[0];
    const runs = slide.blocks[1].type === 'paragraph' ? slide.blocks[1].runs : [];
    expect(runs.map((r) => `${r.text}${r.click ? `@${r.click.at}` : ''}`)).toEqual(['Text marked and ', 'later@2']);
  });

  it.each([
    ['indices out of order', '<div v-click="3">A</div>\n\n<div v-click="2">B</div>', 'click 2 comes after click 3'],
    ['a click inside another', '<div v-click>\n\nouter\n\n<div v-click>inner</div>\n\n</div>', 'inside another'],
    ['an expression', '<div v-click="n + 1">A</div>', 'expression'],
    ['v-switch', '<v-switch>\n\nA\n\n</v-switch>', 'not played'],
  ])('%s: not followed; the slide is shown whole, with one warning', (_what, body, reason) => {
    const { deck, diagnostics } = slidev(body);
    expect(deck.slides[0].clicks).toBe(0);
    expect(clicks(deck.slides[0]).every((c) => c.endsWith(' -'))).toBe(true);
    const warned = diagnostics.filter((d) => d.message.includes('cannot be followed'));
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toContain(reason);
  });
});

describe("Marp's fragmented lists", () => {
  it('an item written with `*` or `1)` is a fragment, at any depth; `-` and `1.` items come with their list', () => {
    const { deck } = marp('* a\n* b\n  - b1\n- c\n  * c1\n\n1) one\n2) two\n\n1. plain');
    expect(clicks(deck.slides[0])).toEqual(['a @1', 'b @2', 'b1 -', 'c -', 'c1 @3', 'one @4', 'two @5', 'plain -']);
    expect(deck.slides[0].clicks).toBe(5);
  });
});

describe("talkreel's own decks", () => {
  it('build every top-level list item, one click each, when the slide has no clicks of its own', () => {
    const slide = parseDeck('# A\n\n---\n\n# Points\n\n- a\n  - a1\n- b\n\n---\n\n# End\n', 'talk.md').deck.slides[1];
    expect(clicks(slide)).toEqual(['a @1', 'a1 -', 'b @2']);
    expect(slide.clicks).toBe(2);
  });

  it('play the clicks they write instead', () => {
    const slide = parseDeck('# A\n\n---\n\n# Points\n\n- a\n- b\n\n<div v-click>Later</div>\n\n---\n\n# End\n', 'talk.md').deck.slides[1];
    expect(clicks(slide)).toEqual(['a -', 'b -', 'Later @1']);
    expect(slide.clicks).toBe(1);
  });
});
