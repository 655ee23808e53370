import React, { createContext, useContext } from 'react';
import { Img, useVideoConfig } from 'remotion';
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

const NAMED: Record<string, string> = {
  white: '#ffffff', snow: '#fffafa', ivory: '#fffff0', beige: '#f5f5dc', aqua: '#00ffff', cyan: '#00ffff',
  yellow: '#ffff00', lime: '#00ff00', silver: '#c0c0c0', gold: '#ffd700', pink: '#ffc0cb', orange: '#ffa500',
  lightgray: '#d3d3d3', lightgrey: '#d3d3d3', whitesmoke: '#f5f5f5', lightblue: '#add8e6', black: '#000000',
};

/** Dark text on a light background colour; undefined when the colour is dark or unknown. */
export function inkFor(background: string | undefined): string | undefined {
  if (!background) return undefined;
  const value = NAMED[background.toLowerCase()] ?? background;
  let rgb: number[] | null = null;
  const hex = /^#([0-9a-f]{3,8})$/i.exec(value);
  if (hex) {
    const h = hex[1].length < 6 ? [...hex[1].slice(0, 3)].map((c) => c + c).join('') : hex[1].slice(0, 6);
    rgb = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  }
  const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(value);
  if (fn) rgb = fn.slice(1, 4).map(Number);
  if (!rgb) return undefined;
  const luminance = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  return luminance > 0.6 ? '#111827' : undefined;
}
