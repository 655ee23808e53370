import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/deck/infer.js';
import { LAYOUTS } from '../../src/deck/model.js';
import { hasErrors, parseDeck } from '../../src/deck/parse.js';

const parse = (source: string) => parseDeck(source, 'talk.md');
/** `body` as the middle slide of a three-slide deck, so it is neither first nor last. */
const middle = (body: string) => parse(`# Start\n\n---\n\n${body}\n\n---\n\n# End\n`).deck.slides[1];
const where = (source: string) => parse(source).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);

describe('front matter', () => {
  it('reads every deck option', () => {
    const { deck, diagnostics } = parse(
      '---\ntitle: Scaling Python\nauthor: James King\nevent: "PyCon Canada 2015, Toronto"\ndate: 2015-11-07\n' +
        'fps: 25\nresolution: 720p\nduration: 6\ntransition: wipe\ntheme: light\naccent: "#1d4ed8"\nlogo: logo.png\npaginate: true\n---\n\n# Hello\n',
    );
    expect(diagnostics).toEqual([]);
    expect(deck.options).toEqual({
      title: 'Scaling Python',
      author: 'James King',
      event: 'PyCon Canada 2015, Toronto',
      date: '2015-11-07', // stays a string, not a Date
      fps: 25,
      resolution: '720p',
      duration: 6,
      transition: 'wipe',
      theme: 'light',
      accent: '#1d4ed8',
      logo: 'logo.png',
      paginate: true,
    });
    // Resolved from the deck's folder by loadDeck; the position names the option in messages.
    expect(deck.logo).toEqual({ path: 'logo.png', src: '', line: 12, column: 1 });
    expect(deck.title).toBe('Scaling Python');
    expect(deck.file).toBe('talk.md');
  });

  it('defaults to 30 fps, 1080p, automatic durations and fades; the title comes from the first heading', () => {
    const { deck, diagnostics } = parse('# Hello world\n\nJane\n');
    expect(diagnostics).toEqual([]);
    expect(deck.options).toEqual({ fps: 30, resolution: '1080p', duration: 'auto', transition: 'fade', theme: 'dark', paginate: false });
    expect(deck.logo).toBeUndefined();
    expect(deck.title).toBe('Hello world');
    expect(parseDeck('# Hi\n').deck.file).toBe('<string>');
  });

  it.each(['720p', '1080p', '1440p', '2160p', '1280x720', '7680x4320'])('accepts resolution %s', (res) => {
    const { deck, diagnostics } = parse(`---\nresolution: ${res}\n---\n# A\n`);
    expect(diagnostics).toEqual([]);
    expect(deck.options.resolution).toBe(res);
  });
});

describe('look options', () => {
  it.each([
    ['accent: red', 2, 9, 'invalid-option', '`accent` must be a CSS hex colour'],
    ['accent: "#12345"', 2, 9, 'invalid-option', 'got "#12345"'],
    ['logo: ""', 2, 7, 'invalid-option', '`logo` must be the path of a PNG, JPEG, GIF, WebP or SVG picture'],
  ])('%s is an error naming its line', (option, line, column, code, text) => {
    const { diagnostics } = parse(`---\n${option}\n---\n# A\n`);
    expect(diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[line, column, code]]);
    expect(diagnostics[0].message).toContain(text);
  });

  // Marp and Slidev know these keys with other values: a warning, and talkreel's default look.
  it.each([
    ['theme: gaia', 'theme', 'dark'],
    ['paginate: yes', 'paginate', false],
  ])('%s is a Marp or Slidev value: a warning naming its line', (option, key, fallback) => {
    const { deck, diagnostics } = parse(`---\n${option}\n---\n# A\n`);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[2, 'warning']]);
    expect(deck.options[key as 'theme' | 'paginate']).toBe(fallback);
  });

  it('takes an unquoted hex accent, as Marp takes colours', () => {
    expect(parse('---\naccent: #ffd43b\n---\n# A\n').deck.options.accent).toBe('#ffd43b');
  });

  it('accepts short and long hex colours, in either case', () => {
    for (const accent of ['#fc0', '#FFD43B', '#0a0B0c']) {
      expect(parse(`---\ntheme: dark\naccent: "${accent}"\n---\n# A\n`).deck.options.accent).toBe(accent);
    }
  });

  it('warns when the accent is hard to read on the theme background', () => {
    const { diagnostics } = parse('---\ntheme: light\naccent: "#ffd43b"\n---\n# A\n');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['3:1 warning accent-contrast']);
    expect(diagnostics[0].message).toMatch(/accent #ffd43b has a contrast of 1\.\d\d:1 on the light theme/);
    expect(parse('---\ntheme: dark\naccent: "#ffd43b"\n---\n# A\n').diagnostics).toEqual([]);
  });
});

describe('slides, per-slide options and source lines', () => {
  const source = [
    '---', 'title: Talk', '---', '', '# Opening', '', 'Jane Doe', '', // 1-8
    '---', 'layout: quote', 'duration: 8', 'transition: none', '---', '', '> Words', '', // 9-16
    '---', '', '- one', '- two', // 17-20
  ].join('\n');
  const { deck, diagnostics } = parse(source);

  it('cuts slides at `---` lines and keeps each slide`s first and last line', () => {
    expect(diagnostics).toEqual([]);
    expect(deck.slides.map((s) => [s.index, s.line, s.endLine])).toEqual([[1, 4, 8], [2, 10, 16], [3, 18, 20]]);
  });

  it('keeps the deck line of every block', () => {
    expect(deck.slides.map((s) => s.blocks.map((b) => `${b.type}@${b.line}`))).toEqual([
      ['heading@5', 'paragraph@7'],
      ['quote@15'],
      ['list@19'],
    ]);
  });

  it('applies a slide`s own YAML block', () => {
    const [first, second] = deck.slides;
    expect(second).toMatchObject({ layout: 'quote', layoutExplicit: true, duration: 8, transition: 'none' });
    expect(first).toMatchObject({ layout: 'title', layoutExplicit: false, duration: undefined, transition: undefined });
  });

  it('makes no slide of a trailing `---`', () => {
    expect(parse('# A\n\n---\n\n# B\n\n---\n').deck.slides).toHaveLength(2);
  });
});

describe('speaker notes and raw HTML', () => {
  it('takes the last HTML comment as the notes and drops the other comments', () => {
    const slide = parse('<!-- first -->\n\n# Heading\n\nText\n\n<!-- second -->\n\n<!-- the\nnotes -->\n').deck.slides[0];
    expect(slide.notes).toBe('the\nnotes');
    const text = slide.blocks.map(blockText).join('\n');
    expect(text).toBe('Heading\nText');
    expect(parse('# No notes\n').deck.slides[0].notes).toBe('');
  });

  it('reads inline HTML as its text with its marks, never as markup', () => {
    const slide = middle('Hello <b onclick="x()">world</b><br>again <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <s>old</s>');
    expect(slide.blocks).toEqual([{
      type: 'paragraph',
      line: 5,
      runs: [
        { text: 'Hello ' },
        { text: 'world', strong: true },
        { text: '\n' },
        { text: 'again ' },
        { text: 'Ctrl', kbd: true },
        { text: '+' },
        { text: 'C', kbd: true },
        { text: ', H' },
        { text: '2', sub: true },
        { text: 'O, x' },
        { text: '2', sup: true },
        { text: ', ' },
        { text: 'old', strike: true },
      ],
    }]);
  });

  it('warns once per deck that CSS classes, styles and event handlers are not applied', () => {
    const { deck, diagnostics } = parse('# A\n\n<div class="box" onclick="alert(1)">hi</div>\n\n---\n\n<p style="color:red">there</p>\n');
    expect(deck.slides.map((s) => s.blocks.map(blockText))).toEqual([['A', 'hi'], ['there']]);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['3:1 warning unsupported-html', '3:1 warning unsupported-html']);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/CSS classes and inline styles[\s\S]*event handlers/);
  });

  it('reads Markdown inside an HTML wrapper, and an HTML picture as a picture', () => {
    const slide = middle('<div class="grid">\n\n## Left\n\n- **one**\n- two\n\n</div>\n\n<img src="chart.png" alt="A chart" width="490">');
    expect(slide.blocks.map((b) => b.type)).toEqual(['heading', 'list', 'image']);
    expect(slide.blocks[2]).toMatchObject({ type: 'image', path: 'chart.png', alt: 'A chart', width: 640, line: 14 });
  });

  it('leaves a <script> or <style> block out, with a warning naming its line', () => {
    const { deck, diagnostics } = parse('# Start\n\n---\n\n# Code\n\n<script>alert(1)</script>\n\n<style>\nh1 { color: red }\n</style>\n');
    expect(deck.slides[1].blocks.map(blockText)).toEqual(['Code']);
    expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`)).toEqual(['7 warning unsupported-html', '9 warning unsupported-html']);
  });
});

describe('layouts', () => {
  it('infers title for a first slide with a heading and paragraphs', () => {
    expect(parse('# Talk\n\nJane Doe\n\n@jane\n\n---\n\n# End\n').deck.slides[0].layout).toBe('title');
  });

  it.each([
    ['bullets', 'heading + list', '# Items\n\n- a\n- b'],
    ['bullets', 'a list alone', '- a\n- b'],
    ['quote', 'a quote attributed with an en dash', '> “Words”\n>\n> –Someone'],
    ['quote', 'a quote attributed with an em dash', '> “Words”\n>\n> — Someone'],
    ['statement', 'a lone heading mid-deck', '# Bold claim'],
    ['link', 'a heading and a URL-only paragraph', '# Docs\n\nhttps://example.org/docs'],
    ['image', 'a lone image', '![A chart](chart.png)'],
  ])('infers %s for %s', (layout, _what, body) => {
    const slide = middle(body);
    expect(slide.layout).toBe(layout);
    expect(slide.layoutExplicit).toBe(false);
  });

  it('infers closing for a lone heading on the last slide', () => {
    const slides = parse('# A\n\n---\n\n# Mid\n\n---\n\n# Thank you\n').deck.slides;
    expect(slides.map((s) => s.layout)).toEqual(['title', 'statement', 'closing']);
  });

  it.each([['–'], ['—']])('splits the %s attribution off the quote', (dash) => {
    const block = middle(`> “Words of wisdom”\n>\n> ${dash}Johnny Know-It-All`).blocks[0];
    expect(block).toMatchObject({
      type: 'quote',
      paragraphs: [[{ text: '“Words of wisdom”' }]],
      attribution: 'Johnny Know-It-All',
    });
  });

  it.each(LAYOUTS.filter((l) => l !== 'image'))('uses an explicit layout: %s', (layout) => {
    const slide = parse(`# A\n\n---\nlayout: ${layout}\n---\n\n# Heading\n\nText\n\n---\n\n# End\n`).deck.slides[1];
    expect(slide).toMatchObject({ layout, layoutExplicit: true });
  });

  it('uses an explicit image layout with a heading and an image', () => {
    const { deck, diagnostics } = parse('# A\n\n---\nlayout: image\n---\n\n# Figure\n\n![Plot](p.png)\n');
    expect(diagnostics).toEqual([]);
    expect(deck.slides[1]).toMatchObject({ layout: 'image', layoutExplicit: true });
  });
});

describe('source forms', () => {
  it.each([['```'], ['~~~']])('does not cut a slide at `---` inside a %s fenced block', (fence) => {
    const { deck } = parse(`# A\n\n---\n\n${fence}yaml\n---\nkey: v\n---\n${fence}\n\n---\n\n# End\n`);
    expect(deck.slides).toHaveLength(3);
    expect(deck.slides[1].blocks[0]).toMatchObject({ type: 'code', lang: 'yaml', value: '---\nkey: v\n---' });
  });

  it('parses BOM + CRLF (and CR) input exactly like LF input', () => {
    const lf = '---\ntitle: T\nfps: 25\n---\n\n# A\n\nx\n\n---\nlayout: quote\n---\n\n> q\n>\n> — z\n\n<!-- n -->\n';
    const expected = parse(lf);
    expect(expected.deck.slides).toHaveLength(2);
    expect(parse(`\uFEFF${lf.replace(/\n/g, '\r\n')}`)).toEqual(expected);
    expect(parse(lf.replace(/\n/g, '\r'))).toEqual(expected);
  });
});

describe('titles and slugs', () => {
  it.each([
    ['# POPPYCOCK!', 'POPPYCOCK!', 'poppycock'],
    ['# Café au lait', 'Café au lait', 'cafe-au-lait'],
    ['> “Quoted words”\n>\n> – Someone', 'Quoted words', 'quoted-words'],
    ['![A chart of growth](c.png)', 'A chart of growth', 'a-chart-of-growth'],
    ['Just a line of text', 'Just a line of text', 'just-a-line-of-text'],
    ['<!-- notes only -->', 'Slide 2', 'slide-2'],
  ])('%j -> %j, %j', (body, title, slug) => {
    expect(middle(body)).toMatchObject({ title, slug });
  });

  it('prefers a slide`s `title:` option', () => {
    const slide = parse('# A\n\n---\ntitle: "Illustration: growth"\n---\n\n![x](x.png)\n').deck.slides[1];
    expect(slide).toMatchObject({ title: 'Illustration: growth', slug: 'illustration-growth' });
  });

  it('shortens long titles and slugs', () => {
    const words = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    const slide = middle(`# ${words}`);
    expect(slide.title.length).toBeLessThanOrEqual(60);
    expect(slide.title.endsWith('…')).toBe(true);
    expect(words.startsWith(slide.title.slice(0, -1))).toBe(true);
    expect(slide.slug.length).toBeLessThanOrEqual(40);
    expect(slide.slug).toMatch(/^one-two-three(-[a-z]+)*$/);
  });
});

describe('diagnostics', () => {
  it.each([
    ['yaml-syntax', '---\ntitle: [oops\n---\n\n# A\n', 2],
    ['unknown-option', '---\ncolour: red\n---\n\n# A\n', '2:1'],
    ['invalid-option', '---\nduration: -3\n---\n\n# A\n', '2:11'],
    ['invalid-option', '---\nfps: 0\n---\n\n# A\n', '2:6'],
    ['invalid-option', '---\nfps: "abc"\n---\n\n# A\n', '2:6'],
    ['invalid-option', '---\nresolution: 1921x1080\n---\n\n# A\n', '2:13'],
    ['invalid-option', '---\ntransition: zoom\n---\n\n# A\n', '2:13'],
    ['invalid-option', '# A\n\n---\nlayout: bogus\n---\n\n# B\n', '4:9'],
    ['unknown-option', '# A\n\n---\nauthor: Jane\n---\n\n# B\n', '4:1'],
    ['frontmatter-unclosed', '---\ntitle: x\n\n# A\n', '1:1'],
    ['empty-deck', '', '1:1'],
    ['empty-deck', '\n\n', '1:1'],
    ['empty-deck', '---\ntitle: x\n---', '3:1'],
    ['layout-mismatch', '# A\n\n---\nlayout: image\n---\n\n# B\n', '4:1'],
  ])('reports %s for %j at file:line:col', (code, source, at) => {
    const found = where(source);
    expect(found).toHaveLength(1);
    const pattern = typeof at === 'number' ? `talk.md:${at}:\\d+` : `talk.md:${at}`;
    expect(found[0]).toMatch(new RegExp(`^${pattern} error ${code}$`));
    expect(hasErrors(parse(source).diagnostics)).toBe(true);
  });

  it('names the option and what it accepts; a rejected option falls back to its default', () => {
    const { deck, diagnostics } = parse('---\nfps: 0\ntransition: zoom\n---\n\n# A\n');
    expect(diagnostics[0].message).toMatch(/`fps` must be a whole number.*got 0/);
    expect(diagnostics[1].message).toMatch(/`transition` must be one of fade, slide, wipe, none, got "zoom"/);
    expect(deck.options).toMatchObject({ fps: 30, transition: 'fade' });
  });

  it('reports every problem at once, in source order', () => {
    const source = [
      '---', 'fps: 0', 'transition: zoom', 'colour: red', '---', '', '# A', '', // 1-8
      '---', 'layout: bogus', '---', '', '# B', '', // 9-14
      '---', 'duration: -3', '---', '', '# C', '', // 15-20
      '---', 'layout: image', '---', '', '# D', // 21-25
    ].join('\n');
    const { deck, diagnostics } = parse(source);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      '2:6 invalid-option',
      '3:13 invalid-option',
      '4:1 unknown-option',
      '10:9 invalid-option',
      '16:11 invalid-option',
      '22:1 layout-mismatch',
    ]);
    expect(deck.slides).toHaveLength(4);
  });

  it('warns about an empty slide without making it an error', () => {
    const { diagnostics } = parse('# A\n\n---\n\n<!-- notes only -->\n\n---\n\n# End\n');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['4:1 warning empty-slide']);
    expect(hasErrors(diagnostics)).toBe(false);
  });
});
