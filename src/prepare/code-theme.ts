import type { ThemeName } from '../deck/model.js';
import { readable } from '../slides/readable.js';
import { PALETTES } from '../slides/theme.js';

/**
 * The colours code is highlighted in: GitHub's Shiki themes (the palette of Marp's default theme
 * too), with each colour that lacks WCAG AA contrast (4.5:1) on talkreel's code panel moved
 * towards white (dark panel) or black (light panel) just far enough, its hue kept. Unchanged
 * colours stay exactly GitHub's.
 */
export const CODE_THEMES: Record<ThemeName, string> = { dark: 'github-dark', light: 'github-light' };

/** The Shiki theme JSON as this module reads it (a TextMate/VS Code colour theme). */
export interface RawTheme {
  name?: string;
  type?: string;
  colors?: Record<string, string>;
  tokenColors?: { scope?: string | string[]; settings: { foreground?: string; background?: string; fontStyle?: string } }[];
}

/**
 * The theme with every text colour readable on `panel`: the editor's foreground and each token
 * rule's. Backgrounds are dropped (code is drawn on the panel alone), and so are the editor's UI
 * colours, which never colour a token.
 */
export function adjustTheme(raw: RawTheme, name: string, panel: string): RawTheme {
  const fg = raw.colors?.['editor.foreground'] ?? (raw.type === 'light' ? '#000000' : '#ffffff');
  return {
    name,
    type: raw.type,
    colors: { 'editor.foreground': readable(fg, panel), 'editor.background': panel },
    tokenColors: (raw.tokenColors ?? []).map((rule) => {
      const { foreground, fontStyle } = rule.settings;
      return { ...(rule.scope ? { scope: rule.scope } : {}), settings: { ...(foreground ? { foreground: readable(foreground, panel) } : {}), ...(fontStyle !== undefined ? { fontStyle } : {}) } };
    }),
  };
}

/** Every colour a theme can give a token: its foreground and each rule's. */
export function themeColours(theme: RawTheme): string[] {
  const all = [theme.colors?.['editor.foreground'], ...(theme.tokenColors ?? []).map((r) => r.settings.foreground)];
  return [...new Set(all.filter((c): c is string => typeof c === 'string').map((c) => c.toLowerCase()))];
}

/** talkreel's code theme for a deck theme, adjusted for its code panel (loaded from Shiki's themes). */
export async function codeTheme(theme: ThemeName): Promise<RawTheme> {
  const { bundledThemes } = await import('shiki/themes');
  const raw = (await bundledThemes[CODE_THEMES[theme] as keyof typeof bundledThemes]()).default as RawTheme;
  return adjustTheme(raw, `talkreel-${theme}`, PALETTES[theme].panel);
}
