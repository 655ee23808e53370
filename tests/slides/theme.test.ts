import { hex as contrast } from 'wcag-contrast';
import { describe, expect, it } from 'vitest';
import { MOTION, PALETTES, TEXT_ON, THEMES, TYPE, makeTheme, type Palette } from '../../src/slides/theme.js';

describe('theme colours', () => {
  const pairs = THEMES.flatMap((name) =>
    (Object.keys(TEXT_ON) as (keyof Palette)[]).flatMap((fg) => TEXT_ON[fg].map((bg) => [name, fg, bg] as const)),
  );

  it('names a background for every text colour', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(2 * 6);
    for (const fg of ['text', 'body', 'muted', 'accent', 'link'] as const) expect(TEXT_ON[fg].length).toBeGreaterThan(0);
  });

  it.each(pairs)('%s: %s on %s meets WCAG AA (4.5:1)', (name, fg, bg) => {
    const palette = PALETTES[name];
    expect(contrast(palette[fg], palette[bg])).toBeGreaterThanOrEqual(4.5);
  });

  it('computes contrast the WCAG way (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#7cc4fa', '#7cc4fa')).toBe(1);
  });

  it('a deck accent replaces the theme accent only', () => {
    const t = makeTheme({ theme: 'light', accent: '#7c2d12', paginate: true, logo: null });
    expect(t.colors).toEqual({ ...PALETTES.light, accent: '#7c2d12' });
    expect(makeTheme({ theme: 'dark', paginate: false, logo: null }).colors).toBe(PALETTES.dark);
  });
});

describe('type scale and motion', () => {
  it('keeps body text at or above 1/24 of the frame height, and headings larger', () => {
    for (const role of ['quote', 'body', 'list', 'lead', 'url', 'small'] as const) expect(TYPE[role].min).toBeGreaterThanOrEqual(1080 / 24);
    for (const role of ['hero', 'title', 'statement', 'closing', 'linkTitle'] as const) expect(TYPE[role].min).toBeGreaterThan(TYPE.body.max);
  });

  it('animates for 0.3 to 0.6 seconds', () => {
    for (const s of [MOTION.transitionSeconds, MOTION.buildSeconds]) {
      expect(s).toBeGreaterThanOrEqual(0.3);
      expect(s).toBeLessThanOrEqual(0.6);
    }
  });
});
