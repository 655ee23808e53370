import { hex as contrast } from 'wcag-contrast';
import { describe, expect, it } from 'vitest';
import { eachBlock, type Block } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { CODE_THEMES, codeTheme, themeColours, type RawTheme } from '../../src/prepare/code-theme.js';
import { highlightCode } from '../../src/prepare/highlight.js';
import { onPanel, readable } from '../../src/slides/readable.js';
import { PALETTES, THEMES } from '../../src/slides/theme.js';

/** The theme as Shiki ships it. */
async function original(name: string): Promise<RawTheme> {
  const { bundledThemes } = await import('shiki/themes');
  return (await bundledThemes[name as keyof typeof bundledThemes]()).default as RawTheme;
}

describe.each(THEMES)('the %s code theme', (theme) => {
  const panel = PALETTES[theme].panel;

  it('has every colour a token can take at 4.5:1 or more on the code panel (WCAG AA)', async () => {
    const colours = themeColours(await codeTheme(theme));
    expect(colours.length).toBeGreaterThanOrEqual(8);
    for (const c of colours) expect(contrast(c, panel), c).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps GitHub's colours that already read, and moves the others only towards the panel's opposite", async () => {
    const raw = await original(CODE_THEMES[theme]);
    const adjusted = await codeTheme(theme);
    let changed = 0;
    raw.tokenColors!.forEach((rule, i) => {
      const before = rule.settings.foreground;
      const after = adjusted.tokenColors![i].settings.foreground;
      if (!before) return expect(after).toBeUndefined();
      const solid = onPanel(before, panel);
      if (contrast(solid, panel) >= 4.5) return expect(after).toBe(solid);
      changed++;
      // Further from the panel in lightness, and no further than needed (within one step of #rrggbb).
      expect(contrast(after!, panel)).toBeGreaterThan(contrast(solid, panel));
      expect(contrast(after!, panel)).toBeLessThan(4.6);
    });
    expect(changed).toBeGreaterThan(0);
  });

  it('gives tokens only colours of the theme, in Python, TypeScript, Bash, YAML and Rust', async () => {
    const code = [
      ['python', 'import os\n# comment\ndef f(x=1, *a):\n    return f"{x!r}" + r"\\d" if x else None'],
      ['ts', 'interface P { n?: number }\n/** doc */\nexport async function g<T>(p: P): Promise<T> { return JSON.parse(`${p.n ?? 0}`) as T }'],
      ['bash', '#!/bin/sh\nset -eu\nfor f in "$@"; do echo "${f%.md}" >&2; done'],
      ['yaml', 'key: value # note\nlist:\n  - 1\n  - "two"\nanchor: &a {x: true}'],
      ['rust', 'fn main() { let v: Vec<u8> = vec![1, 2]; println!("{:?}", v); } // end'],
    ];
    const source = `---\ntheme: ${theme}\n---\n\n# Code\n\n${code.map(([lang, text]) => `\`\`\`${lang}\n${text}\n\`\`\``).join('\n\n')}\n`;
    const { deck } = parseDeck(source, 'talk.md');
    expect(await highlightCode(deck)).toEqual([]);
    const allowed = new Set(themeColours(await codeTheme(theme)));
    const used = new Set(deck.slides.flatMap((s) => [...eachBlock(s.blocks)]).flatMap((b: Block) => (b.type === 'code' ? b.tokens!.flat(2).map((t) => t.color!) : [])));
    expect(used.size).toBeGreaterThanOrEqual(5);
    for (const c of used) expect(allowed).toContain(c);
  });
});

describe('readable', () => {
  it('leaves a readable colour alone and moves a faint one just past 4.5:1', () => {
    expect(readable('#ffffff', '#1e293b')).toBe('#ffffff');
    const grey = readable('#6a737d', '#1e293b');
    expect(contrast(grey, '#1e293b')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(grey, '#1e293b')).toBeLessThan(4.6);
    const dark = readable('#e36209', '#e2e8f0');
    expect(contrast(dark, '#e2e8f0')).toBeGreaterThanOrEqual(4.5);
    // Hue kept: still an orange (red above green above blue).
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(dark.slice(i, i + 2), 16));
    expect(r > g && g > b).toBe(true);
  });

  it('reads a colour with alpha as it looks over the panel', () => {
    expect(onPanel('#ffffff80', '#000000')).toBe('#808080');
  });
});
