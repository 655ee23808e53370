import { describe, expect, it } from 'vitest';
import { parseResolution } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import type { Measure } from '../../src/slides/fit.js';
import { chromeOf, contentArea, fitBoxOf } from '../../src/slides/geometry.js';
import { planTimeline } from '../../src/timing/plan.js';

/** Every character 0.5 em wide. */
const half: Measure = (text) => [...text].length * 0.5;
const marp = (body: string, fm = '') => parseDeck(`---\nmarp: true\n${fm}---\n\n${body}\n`, 'slides.md').deck;

describe("Marp's directives", () => {
  it('header and footer: a row of its own at the top, the footer row at the bottom; the content makes room for both', () => {
    const deck = marp('# A\n\n---\n\n<!-- _header: "" -->\n<!-- _footer: "" -->\n\n# B', "header: 'The header'\nfooter: 'The footer'\n");
    const [a, b] = deck.slides.map((s) => chromeOf(deck, s));
    expect(a).toMatchObject({ header: true, footer: true });
    expect(b.header).toBeUndefined();
    const withRows = contentArea(1920, 1080, a);
    const without = contentArea(1920, 1080, b);
    expect(withRows.header).not.toBeNull();
    expect(withRows.footer).not.toBeNull();
    expect(withRows.top).toBeGreaterThan(withRows.header!.top + withRows.header!.height);
    expect(withRows.top + withRows.height).toBeLessThan(withRows.footer!.top);
    expect(without).toMatchObject({ header: null, footer: null, top: 86 });
  });

  it('paginate from a slide on, and not on a slide with _paginate: false', () => {
    const deck = marp('# A\n\n---\n\n<!-- paginate: true -->\n\n# B\n\n---\n\n<!-- _paginate: false -->\n\n# C\n\n---\n\n# D');
    expect(deck.slides.map((s) => chromeOf(deck, s).paginate)).toEqual([false, true, false, true]);
  });

  it('<!-- fit --> sets a heading on one line as wide as the frame', () => {
    const deck = marp('# <!-- fit --> Short\n\n---\n\n# <!-- fit --> A much longer heading than that');
    const sizes = deck.slides.map((s) => fitBoxOf(s, 1920, 1080, chromeOf(deck, s), half).items.find((i) => i.key === 'head')!);
    // 1920 - 2 * 7% margins = 1652 px; a character is half its size wide, with 3% to spare.
    expect(sizes.map((i) => [i.max, i.min])).toEqual([
      [360, 360], // capped at a third of the frame's height
      [Math.floor((1652 * 0.97) / (31 * 0.5)), Math.floor((1652 * 0.97) / (31 * 0.5))],
    ]);
    expect(deck.slides[0].notes).toBe(''); // the comment is an instruction, not a note
  });

  it('size: 4:3 makes 4:3 frames, at the deck\'s resolution and at any named one', () => {
    const deck = marp('# A', 'size: 4:3\n');
    expect(deck.options.aspect).toBe('4:3');
    expect([planTimeline(deck).width, planTimeline(deck).height]).toEqual([1440, 1080]);
    expect(planTimeline(deck, { resolution: '720p' })).toMatchObject({ width: 960, height: 720 });
    expect(parseResolution('1000x1000', '4:3')).toEqual({ width: 1000, height: 1000 });
  });
});

describe("Slidev's zoom", () => {
  it('scales a slide\'s sizes', () => {
    const deck = parseDeck('---\ntheme: default\n---\n\n# A\n\n---\nzoom: 0.5\n---\n\n# B\n\n- item\n', 'slides.md').deck;
    const slide = deck.slides[1];
    expect(slide.zoom).toBe(0.5);
    const items = fitBoxOf(slide, 1920, 1080, chromeOf(deck, slide), half).items;
    const unzoomed = fitBoxOf({ ...slide, zoom: undefined }, 1920, 1080, chromeOf(deck, slide), half).items;
    expect(items.map((i) => i.max)).toEqual(unzoomed.map((i) => Math.round(i.max * 0.5)));
  });
});
