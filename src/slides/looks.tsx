import React, { createContext, useContext } from 'react';
import { Img, useVideoConfig } from 'remotion';
import { contrastOf } from '../deck/color.js';
import type { Block, Slide, SlideStyle } from '../deck/model.js';
import { useTheme } from './context.js';
import { SAFE, scaled } from './theme.js';

type ImageBlock = Extract<Block, { type: 'image' }>;

/**
 * A slide's own looks (Marp directives, Slidev options): colours, a picture behind or beside it,
 * header and footer. Layouts draw inside `Frame`, which reads these from context, so no layout
 * needs to know about them.
 */
export interface Looks {
  style: SlideStyle;
  background?: ImageBlock;
  side?: ImageBlock;
  /** Text over a background picture: the picture is dimmed so the text stays readable. */
  dim?: boolean;
}

const LooksContext = createContext<Looks>({ style: {} });
export const useLooks = () => useContext(LooksContext);

/** Splits a slide into what its layout draws and its looks. */
export function looksOf(slide: Slide): { slide: Slide; looks: Looks } {
  const placed = slide.blocks.filter((b): b is ImageBlock => b.type === 'image' && b.placement !== undefined);
  if (placed.length === 0 && !slide.style) return { slide, looks: { style: {} } };
  const blocks = slide.blocks.filter((b) => !placed.includes(b as ImageBlock));
  return {
    slide: { ...slide, blocks },
    looks: {
      dim: blocks.length > 0,
      style: slide.style ?? {},
      background: placed.find((b) => b.placement === 'background'),
      side: placed.find((b) => b.placement === 'left' || b.placement === 'right'),
    },
  };
}

export const LooksProvider: React.FC<{ looks: Looks; children: React.ReactNode }> = ({ looks, children }) => (
  <LooksContext.Provider value={looks}>{children}</LooksContext.Provider>
);

/** A picture filling its box, `cover` unless it says `contain`. */
export const Picture: React.FC<{ image: ImageBlock; style: React.CSSProperties }> = ({ image, style }) =>
  image.src ? <Img src={image.src} alt={image.alt} style={{ position: 'absolute', objectFit: image.fit ?? 'cover', ...style }} /> : null;

/** Header and footer text, small and muted, at the top and bottom edge. */
export const Edges: React.FC<{ style: SlideStyle }> = ({ style }) => {
  const { width, height } = useVideoConfig();
  const theme = useTheme();
  if (!style.header && !style.footer) return null;
  const edge: React.CSSProperties = {
    position: 'absolute',
    left: Math.round(width * SAFE.margin.x),
    right: Math.round(width * SAFE.margin.x),
    fontFamily: theme.font.family,
    fontSize: scaled(30, height),
    color: style.color ?? inkFor(style.background) ?? theme.colors.muted,
    opacity: 0.75,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  };
  // Inside the title-safe area, like talkreel's own footer.
  const inset = Math.round(height * SAFE.titleSafe);
  return (
    <>
      {style.header ? <div style={{ ...edge, top: inset }}>{style.header}</div> : null}
      {style.footer ? <div style={{ ...edge, bottom: inset }}>{style.footer}</div> : null}
    </>
  );
};

const DARK_INK = '#111827';
const LIGHT_INK = '#f1f5f9';

/** Dark text on a background colour that dark text reads better on; undefined otherwise (or no colour). */
export function inkFor(background: string | undefined): string | undefined {
  if (background === undefined) return undefined;
  const dark = contrastOf(background, DARK_INK);
  const light = contrastOf(background, LIGHT_INK);
  return dark !== null && light !== null && dark > light ? DARK_INK : undefined;
}
