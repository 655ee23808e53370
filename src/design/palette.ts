import type { ThemeName } from '../deck/model.js';

/**
 * The themes' colours: plain data that the slides draw with and the deck's checks read (a custom
 * accent's contrast). React-free and Remotion-free, so both sides may import it.
 */
export interface Palette {
  /** Flat: it keeps video free of gradient banding, and the title-safe test knows its colour. */
  background: string;
  /** Behind link addresses. */
  panel: string;
  /** Behind pictures drawn for a dark background, in the light theme. */
  imagePanel: string;
  text: string;
  body: string;
  muted: string;
  accent: string;
  link: string;
}

export const PALETTES: Record<ThemeName, Palette> = {
  dark: {
    background: '#0b1220',
    panel: '#1e293b',
    imagePanel: '#0b1220',
    text: '#f1f5f9',
    body: '#e2e8f0',
    muted: '#a3b1c6',
    accent: '#ffd43b',
    link: '#7cc4fa',
  },
  light: {
    background: '#f8fafc',
    panel: '#e2e8f0',
    imagePanel: '#0f1a2e',
    text: '#0f172a',
    body: '#1e293b',
    muted: '#475569',
    accent: '#2b5f8a',
    link: '#1d4ed8',
  },
};

/**
 * Which colour each piece of text is drawn in, and on which backgrounds it can appear: the
 * contrast test checks every pair, and a custom accent is checked against the backgrounds.
 */
export const TEXT_ON: Record<keyof Palette, (keyof Palette)[]> = {
  text: ['background'],
  body: ['background'],
  muted: ['background'],
  accent: ['background'],
  link: ['background', 'panel'],
  background: [],
  panel: [],
  imagePanel: [],
};
