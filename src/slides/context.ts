import { measureText } from '@remotion/layout-utils';
import { createContext, useContext, useMemo } from 'react';
import { useVideoConfig } from 'remotion';
import type { Slide } from '../deck/model.js';
import type { Fitted, Measure } from './fit.js';
import { contentArea, fitSlide, textWidthOf, type Area, type Chrome } from './geometry.js';
import { useLooks } from './looks.js';
import { FONT, makeTheme, type Theme } from './theme.js';

/** The deck's theme, given to every layout by SlideView. */
export const ThemeContext = createContext<Theme>(makeTheme({ theme: 'dark', paginate: false, logo: null }));
export const useTheme = () => useContext(ThemeContext);

/** What the footer shows: the slide's number and the talk's title. */
export const SlideInfoContext = createContext<{ number: number; talk: string; meta: string | null }>({ number: 1, talk: '', meta: null });
export const useSlideInfo = () => useContext(SlideInfoContext);

/**
 * Measured in the page with @remotion/layout-utils, at 100 px and scaled (text widths grow
 * linearly with the size). The compositions draw slides only once Inter is loaded.
 */
export const measure: Measure = (text, weight, mono) =>
  measureText({ text, fontFamily: mono ? FONT.mono : FONT.family, fontSize: 100, fontWeight: String(weight) }).width / 100;

/** What surrounds the slide's content (see geometry.chromeOf): the deck's, and the slide's own header and footer. */
export function useChrome(): Chrome {
  const theme = useTheme();
  const { meta } = useSlideInfo();
  const { style } = useLooks();
  return useMemo(
    () => ({
      paginate: style.paginate ?? theme.paginate,
      logo: theme.logo !== null,
      meta,
      ...(style.header ? { header: true } : {}),
      ...(style.footer ? { footer: true } : {}),
    }),
    [style.paginate, style.header, style.footer, theme.paginate, theme.logo, meta],
  );
}

/** Font sizes of a slide's text, shrunk to fit the content area (see geometry.ts). */
export function useFitted(slide: Slide): Fitted & { columns: 1 | 2 } {
  const { width, height } = useVideoConfig();
  const chrome = useChrome();
  // Pictures beside the slide (Marp's ![bg left]) leave the text the rest of the frame.
  const { sides } = useLooks();
  const textWidth = textWidthOf(sides, width);
  return useMemo(() => fitSlide(slide, textWidth, height, chrome, measure), [slide, textWidth, height, chrome]);
}

/** The content area the slide's text is fitted to (the text half, beside a picture). */
export function useTextArea(): Area {
  const { width, height } = useVideoConfig();
  const chrome = useChrome();
  const { sides } = useLooks();
  return contentArea(textWidthOf(sides, width), height, chrome);
}
