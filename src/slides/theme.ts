import { THEMES, type ThemeName } from '../deck/model.js';
import { PALETTES, type Palette } from '../design/palette.js';
import { TIMING } from '../timing/plan.js';

export { THEMES, type ThemeName };
export { PALETTES, TEXT_ON, type Palette } from '../design/palette.js';

/**
 * The design system every layout draws with: colours (a dark and a light palette, in design/palette.ts), type scale,
 * spacing and motion timings. Plain data, no React: the Node-side checks read it too.
 * Sizes are in pixels of a 1080-pixel-high frame; `scaled()` turns them into pixels of the actual
 * frame, so a slide looks the same at 360p and at 2160p.
 */

/**
 * Font sizes at 1080p: each text role shrinks from `max` down to `min` to fit its slide. Body
 * text stays at 45 px or more, 1/24 of the frame height (15 px in a 640x360 player); headings
 * stay larger. A slide whose content does not fit even then keeps shrinking towards `floor`
 * (body text 30 px, 1/36 of the height; code and table cells 20 px, 1/54), with a `text-small`
 * warning, rather than being cut. The footer is the one smaller line (1/32 of the height).
 */
export const TYPE = {
  hero: { max: 150, min: 72, floor: 56, weight: 800, lineHeight: 1.05 },
  title: { max: 96, min: 60, floor: 44, weight: 800, lineHeight: 1.1 },
  statement: { max: 150, min: 72, floor: 56, weight: 800, lineHeight: 1.1 },
  closing: { max: 180, min: 72, floor: 56, weight: 800, lineHeight: 1.1 },
  linkTitle: { max: 130, min: 72, floor: 56, weight: 800, lineHeight: 1.1 },
  quote: { max: 76, min: 45, floor: 30, weight: 600, lineHeight: 1.3 },
  body: { max: 58, min: 45, floor: 30, weight: 400, lineHeight: 1.3 },
  /** A list with no heading over it carries the slide alone: it starts larger. */
  list: { max: 76, min: 45, floor: 30, weight: 400, lineHeight: 1.3 },
  /** A heading inside a slide's content, under its title; `heading`, one on a slide without a title (as in a column). */
  subtitle: { max: 64, min: 48, floor: 34, weight: 700, lineHeight: 1.2 },
  heading: { max: 86, min: 56, floor: 40, weight: 800, lineHeight: 1.15 },
  lead: { max: 60, min: 45, floor: 30, weight: 400, lineHeight: 1.4 },
  url: { max: 60, min: 45, floor: 30, weight: 400, lineHeight: 1.3 },
  small: { max: 45, min: 45, floor: 30, weight: 400, lineHeight: 1.35 },
  code: { max: 40, min: 30, floor: 20, weight: 400, lineHeight: 1.35 },
  table: { max: 52, min: 34, floor: 20, weight: 400, lineHeight: 1.3 },
  footer: { max: 34, min: 34, floor: 34, weight: 600, lineHeight: 1.2 },
} as const;
export type TypeRole = keyof typeof TYPE;

/**
 * Inter for text and DejaVu Sans Mono for code (both shipped from npm). Characters Inter lacks
 * (arrows, symbols, other scripts) come from DejaVu Sans, emoji from Noto Color Emoji; those
 * faces are loaded only for decks that use such characters.
 */
export const FONT = {
  family: 'Inter, "DejaVu Sans", "Noto Color Emoji", sans-serif',
  mono: '"DejaVu Sans Mono", "Noto Color Emoji", monospace',
};

/** Spacing at 1080p. */
export const SPACE = { xs: 12, s: 24, m: 40, l: 64, bar: { width: 120, thickness: 8, gap: 28 }, logo: 56, indent: 64, panel: { x: 28, y: 20, radius: 16 } };

/**
 * Title-safe area (5% of each side: nothing is ever drawn outside it) and the content margin
 * inside it, a little wider so slides breathe.
 */
export const SAFE = { titleSafe: 0.05, margin: { x: 0.07, y: 0.08 } };

/** Motion: one easing and one set of durations for the whole talk (see src/timing). */
export const MOTION = {
  transitionSeconds: TIMING.transitionSeconds,
  buildSeconds: TIMING.buildAnimSeconds,
  buildStepSeconds: TIMING.buildStepSeconds,
  transitionEasing: 'easeInOutCubic',
  buildEasing: 'easeOutCubic',
} as const;

/** What a deck chooses about its look. */
export interface Look {
  theme: ThemeName;
  accent?: string;
  paginate: boolean;
  logo: string | null;
}

export interface Theme {
  name: ThemeName;
  colors: Palette;
  font: typeof FONT;
  paginate: boolean;
  logo: string | null;
}

export function makeTheme(look: Look): Theme {
  const base = PALETTES[look.theme];
  return {
    name: look.theme,
    colors: look.accent ? { ...base, accent: look.accent } : base,
    font: FONT,
    paginate: look.paginate,
    logo: look.logo,
  };
}

/**
 * The colour of panels (code, inline code, table rules, link boxes): the theme's, or on a slide
 * with its own background colour (Marp's `backgroundColor`), one mixed from that background and
 * its text colour, which Frame sets as `--talkreel-panel`.
 */
export const panelColor = (theme: Theme) => `var(--talkreel-panel, ${theme.colors.panel})`;

export const scaled = (px: number, height: number) => Math.round((px * height) / 1080);
