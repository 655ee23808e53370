import React, { createContext, useContext } from 'react';
import { Img } from 'remotion';
import { contrastOf } from '../deck/color.js';
import type { Block, Slide, SlideStyle } from '../deck/model.js';

type ImageBlock = Extract<Block, { type: 'image' }>;

/**
 * A slide's own looks (Marp directives, Slidev options): colours, a picture behind or beside it,
 * header and footer. Layouts draw inside `Frame`, which reads these from context, so no layout
 * needs to know about them.
 */
export interface Looks {
  style: SlideStyle;
  /** Pictures behind the slide, side by side (or stacked: Marp's `vertical`). */
  backgrounds: ImageBlock[];
  /** Pictures beside the slide, on one side, side by side. */
  sides: ImageBlock[];
  /** Text over a background picture: the picture is dimmed so the text stays readable. */
  dim?: boolean;
}

const LooksContext = createContext<Looks>({ style: {}, backgrounds: [], sides: [] });
export const useLooks = () => useContext(LooksContext);

/** Splits a slide into what its layout draws and its looks. */
export function looksOf(slide: Slide): { slide: Slide; looks: Looks } {
  const placed = slide.blocks.filter((b): b is ImageBlock => b.type === 'image' && b.placement !== undefined);
  if (placed.length === 0 && !slide.style) return { slide, looks: { style: {}, backgrounds: [], sides: [] } };
  const blocks = slide.blocks.filter((b) => !placed.includes(b as ImageBlock));
  const sides = placed.filter((b) => b.placement === 'left' || b.placement === 'right');
  return {
    slide: { ...slide, blocks },
    looks: {
      dim: blocks.length > 0,
      style: slide.style ?? {},
      backgrounds: placed.filter((b) => b.placement === 'background'),
      // The first picture beside the slide says which side; the others join it there.
      sides: sides.filter((b) => b.placement === sides[0]?.placement),
    },
  };
}

export const LooksProvider: React.FC<{ looks: Looks; children: React.ReactNode }> = ({ looks, children }) => (
  <LooksContext.Provider value={looks}>{children}</LooksContext.Provider>
);

/** A picture filling its box, `cover` unless it says `contain`. */
export const Picture: React.FC<{ image: ImageBlock; style: React.CSSProperties }> = ({ image, style }) =>
  image.src ? <Img src={image.src} alt={image.alt} style={{ position: 'absolute', objectFit: image.fit ?? 'cover', ...style }} /> : null;

const DARK_INK = '#111827';
const LIGHT_INK = '#f1f5f9';

/** Dark text on a background colour that dark text reads better on; undefined otherwise (or no colour). */
export function inkFor(background: string | undefined): string | undefined {
  if (background === undefined) return undefined;
  const dark = contrastOf(background, DARK_INK);
  const light = contrastOf(background, LIGHT_INK);
  return dark !== null && light !== null && dark > light ? DARK_INK : undefined;
}
