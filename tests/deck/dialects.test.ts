import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.js';
import { blockText } from '../../src/deck/infer.js';
import type { Block, Slide } from '../../src/deck/model.js';
import { hasErrors, parseDeck } from '../../src/deck/parse.js';
import { fixture } from '../helpers/cli.js';

const load = (name: string) => loadDeck(fixture(name));
const problems = (name: string) => load(name).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);
const texts = (s: Slide) => s.blocks.filter((b) => b.type !== 'image').map(blockText);
const images = (s: Slide) => s.blocks.filter((b): b is Extract<Block, { type: 'image' }> => b.type === 'image');

describe('a Marp deck (marp-basics.md)', () => {
  const { deck } = load('marp-basics.md');

  it('has no errors, and a warning naming the line of everything talkreel cannot show', () => {
    // `paginate: true` is talkreel's own option too: it numbers the slides.
    expect(deck.options.paginate).toBe(true);
    expect(problems('marp-basics.md')).toEqual([
      '3:1 warning unsupported-option', // theme: gaia
      '12:1 warning unsupported-image', // 80% (left:40% is applied)
      '48:1 warning unsupported-image', // sepia
    ]);
  });

  it('maps every slide onto a talkreel layout, with its texts', () => {
    expect(deck.slides.map((s) => s.layout)).toEqual(['statement', 'bullets', 'statement', 'image', 'image', 'statement', 'statement']);
    expect(texts(deck.slides[0])).toEqual(['Marp', 'Markdown Presentation Ecosystem', 'https://marp.app/']);
    expect(texts(deck.slides[1])).toEqual(['How to write slides', "Split pages by horizontal ruler (---). It's very simple!", 'Slide 1\nSlide 2']);
  });

  it('reads front-matter directives for every slide, `_` directives for one, comment directives from their slide on', () => {
    const styles = deck.slides.map((s) => s.style);
    expect(styles[0]).toEqual({ background: '#fff', color: '#222', header: 'Marp in talkreel', footer: 'talkreel fixtures' });
    expect(styles[1]).toEqual(styles[0]);
    expect(styles[2]).toMatchObject({ background: '#1e3a5f', color: 'white' });
    expect(styles[3]).toEqual(styles[0]);
    expect(styles[5]).toEqual({ background: 'aqua', color: '#222', footer: 'talkreel fixtures' });
    expect(styles[6]).toEqual(styles[5]);
  });

  it('reads Marp image keywords: bg, bg left, w:300', () => {
    expect(images(deck.slides[0]).map((i) => i.placement)).toEqual(['left']);
    expect(images(deck.slides[3])).toMatchObject([{ placement: 'background', alt: '' }]);
    expect(images(deck.slides[4])).toMatchObject([{ width: 300, alt: '' }]);
    expect(images(deck.slides[4])[0].placement).toBeUndefined();
    for (const s of deck.slides) for (const i of images(s)) expect(i.src).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('takes every comment that is not a directive as the speaker notes', () => {
    expect(deck.slides.map((s) => s.notes)).toEqual(['', 'Presenter notes: split pages with rulers.', '', '', '', 'The first note.\n\nThe second note.', '']);
  });
});

describe('Marp headingDivider (marp-heading-divider.md)', () => {
  const { deck, diagnostics } = load('marp-heading-divider.md');

  it('starts a slide at every heading of the level or above, outside code', () => {
    expect(diagnostics).toEqual([]);
    expect(deck.slides.map((s) => [s.line, s.title])).toEqual([
      [5, 'Heading divider'],
      [10, 'First section'],
      [15, 'Second section'],
    ]);
    expect(deck.slides[2].blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'code']);
  });
});

describe('a Slidev deck (slidev-starter.md)', () => {
  const { deck } = load('slidev-starter.md');

  it('warns, with lines, about theme, highlighter, components, styles, scripts, slots and click animations', () => {
    expect(problems('slidev-starter.md')).toEqual([
      '3:1 warning unsupported-option', // theme: seriph
      '8:1 warning unsupported-option', // highlighter: shiki
      '22:1 warning unsupported-html', // class="pt-12": CSS is not applied (once per deck)
      '23:3 warning unsupported-html', // @click: event handlers are never run (once per deck)
      '24:31 warning unsupported-component', // <carbon:arrow-right>
      '51:1 warning unsupported-html', // <style>
      '73:1 warning unsupported-component', // <arrow v-click>: not drawn, its click counted
      '93:1 warning unsupported-component', // <Tweet>
      '108:1 warning unsupported-html', // <script setup>
    ]);
  });

  it('lets the headmatter configure the first slide and the deck', () => {
    expect(deck.title).toBe('Welcome to Slidev');
    expect(deck.options.transition).toBe('slide'); // slide-left
    expect(deck.slides[0].layout).toBe('statement'); // class: text-center
    expect(images(deck.slides[0])).toMatchObject([{ placement: 'background', path: '/art/03-growing-systems.svg', line: 5 }]);
    expect(texts(deck.slides[0])).toEqual(['Welcome to Slidev', 'Presentation slides for developers', 'Press Space for next page']);
  });

  it('reads per-slide frontmatter, layouts and the last comment as the note', () => {
    // Code is drawn by the general layout (`content`: no list), two-cols side by side (`columns`).
    expect(deck.slides.map((s) => s.layout)).toEqual(['statement', 'bullets', 'content', 'columns', 'bullets', 'statement']);
    expect(deck.slides[1].transition).toBe('fade'); // fade-out
    expect(deck.slides[1].notes).toBe('You can have `style` tag in markdown to override the style for the current page.');
    expect(images(deck.slides[2])).toMatchObject([{ placement: 'right', path: '/art/12-how-it-works.svg' }]);
    expect(texts(deck.slides[3])).toEqual(['Left', 'This shows on the left', 'Right', 'This shows on the right']);
    // <v-click> and <v-clicks> are dropped, their content kept; the <script> is left out.
    expect(texts(deck.slides[4])).toEqual(['Components', 'Hello World', 'First item\nSecond item']);
  });
});

describe('Slidev layouts (slidev-layouts.md)', () => {
  const { deck, diagnostics } = load('slidev-layouts.md');

  it('maps each built-in layout onto a talkreel layout and leaves hidden slides out', () => {
    expect(diagnostics).toEqual([]);
    expect(deck.slides.map((s) => s.title)).not.toContain('Hidden slide');
    expect(deck.slides.map((s) => s.layout)).toEqual([
      'title', // cover
      'title', // intro
      'bullets', // default: from the content
      'statement', // center
      'statement', // section
      'statement', // statement
      'statement', // fact
      'quote', // quote
      'image', // image
      'bullets', // image-left: from the content, picture on the left
      'statement', // image-right
      'closing', // end
    ]);
    expect(images(deck.slides[8])).toMatchObject([{ path: '/art/18-shipping.svg' }]);
    expect(images(deck.slides[8])[0].placement).toBeUndefined();
    expect(images(deck.slides[9])).toMatchObject([{ placement: 'left' }]);
    expect(images(deck.slides[10])).toMatchObject([{ placement: 'right', fit: 'contain' }]);
    expect(deck.slides.at(-1)?.notes).toBe('Goodbye.');
  });
});

describe('what no tool knows is an error', () => {
  const parse = (source: string) => parseDeck(source, 'talk.md');
  const where = (source: string) => parse(source).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);

  it('an unknown layout, in a slide or in the headmatter', () => {
    expect(where('---\nlayout: two-columns-fancy\n---\n\n# A\n')).toEqual(['2:9 error invalid-option']);
    expect(where('# A\n\n---\nlayout: hero\n---\n\n# B\n')).toEqual(['4:9 error invalid-option']);
    expect(parse('# A\n\n---\nlayout: hero\n---\n\n# B\n').diagnostics[0].message).toMatch(/talkreel layout .* or a Slidev one/);
  });

  it('an unknown option in a talkreel deck (a warning in Marp and Slidev decks, which take any key), and a bad colour', () => {
    expect(where('# A\n\n---\nsparkles: 3\n---\n\n# B\n')).toEqual(['4:1 error unknown-option']);
    expect(where('---\ntitle: T\nsparkles: true\n---\n\n# A\n')).toEqual(['3:1 error unknown-option']);
    expect(where('---\nmarp: true\nsparkles: true\n---\n\n# A\n')).toEqual(['3:1 warning unknown-option']);
    expect(where('---\ntheme: seriph\n---\n\n# A\n\n---\nfoo: bar\nlayoutClass: gap-4\n---\n\n# B\n')).toEqual(['2:1 warning unsupported-option', '8:1 warning unknown-option']);
    // Marp takes any CSS; one that is no colour talkreel knows (here: a remote picture) is not applied.
    expect(where('---\nmarp: true\nbackgroundColor: "url(http://x)"\n---\n\n# A\n')).toEqual(['3:1 warning unsupported-option']);
    expect(where('---\ntransition: zoom-in\n---\n\n# A\n')).toEqual(['2:13 error invalid-option']);
  });

  it('Slidev\'s talk timer (`duration: 35min`) is a warning, a talkreel duration that is no number an error', () => {
    expect(where('---\nduration: 35min\n---\n\n# A\n')).toEqual(['2:1 warning unsupported-option']);
    expect(where('---\nduration: soon\n---\n\n# A\n')).toEqual(['2:11 error invalid-option']);
  });

  it('a comment with an unknown key in a Marp deck is a note, not a directive', () => {
    const { deck, diagnostics } = parse('---\nmarp: true\n---\n\n# A\n\n<!-- note: remember this -->\n');
    expect(diagnostics).toEqual([]);
    expect(deck.slides[0].notes).toBe('note: remember this');
    expect(hasErrors(diagnostics)).toBe(false);
  });

  it('plain talkreel decks read directive-like comments as notes, and keep their defaults', () => {
    const { deck } = parse('# A\n\n<!-- _class: lead -->\n');
    expect(deck.slides[0].notes).toBe('_class: lead');
    expect(deck.slides[0].style).toBeUndefined();
  });
});
