import React from 'react';
import { AbsoluteFill, Img, useVideoConfig } from 'remotion';
import { mixColors } from '../deck/color.js';
import { useChrome, useSlideInfo, useTheme } from './context.js';
import { contentArea, textWidthOf } from './geometry.js';
import { inkFor, Picture, useLooks, type Looks } from './looks.js';
import { SPACE, TYPE, scaled } from './theme.js';

/**
 * Background, content area and footer shared by every layout. Content is clipped to the content
 * area, which lies inside the 5% title-safe area: text that cannot fit (check warns) is cut
 * there rather than drawn into the frame's edge. A slide's own looks (see looks.tsx) can change
 * its colours and put a picture behind it or beside it; the content then keeps the other half.
 */
export const Frame: React.FC<{ children: React.ReactNode; align?: 'center' | 'start' }> = ({ children, align = 'start' }) => {
  const { width, height } = useVideoConfig();
  const theme = useTheme();
  const { style, backgrounds, sides, dim } = useLooks();
  const ink = style.color ?? inkFor(style.background);
  const textWidth = textWidthOf(sides, width);
  const sideWidth = width - textWidth;
  const left = sides[0]?.placement === 'left';
  const chrome = useChrome();
  const area = contentArea(textWidth, height, chrome);
  const { footer, header } = contentArea(width, height, chrome);
  const c = theme.colors;
  // On a slide's own background colour, panels are that colour with a little of the text's in it.
  const panel = style.background ? { '--talkreel-panel': mixColors(style.background, ink ?? c.text, 0.12) } : {};
  return (
    <AbsoluteFill
      className={ink ? 'talkreel-ink' : undefined}
      style={{
        background: style.background ?? c.background,
        color: ink ?? c.text,
        fontFamily: theme.font.family,
        overflow: 'hidden',
        ...(panel as React.CSSProperties),
      }}
    >
      {/* A slide that sets its text colour has all its text in that colour. */}
      {ink ? <style data-chrome>{'.talkreel-ink * { color: inherit !important; }'}</style> : null}
      {backgrounds.length ? <Pictures images={backgrounds} box={{ inset: 0 }} /> : null}
      {backgrounds.length && dim ? <AbsoluteFill style={{ background: ink ? 'rgba(255,255,255,0.6)' : 'rgba(11,18,32,0.6)' }} /> : null}
      {sides.length ? <Pictures images={sides} box={{ top: 0, bottom: 0, [left ? 'left' : 'right']: 0, width: sideWidth }} drawn="columns" /> : null}
      <div
        style={{
          position: 'absolute',
          left: area.left + (left ? sideWidth : 0),
          top: area.top,
          width: area.width,
          height: area.height,
          overflow: 'hidden',
          display: 'flex',
          flexDirection: 'column',
          // `safe`: content taller than the area starts at its top instead of spilling above it.
          justifyContent: 'safe center',
          alignItems: align === 'center' ? 'center' : 'stretch',
          textAlign: align === 'center' ? 'center' : 'left',
          overflowWrap: 'anywhere',
        }}
      >
        {children}
      </div>
      {/* Marp's header in a row of its own at the top; its footer is the footer row's text, beside the slide number. */}
      {header ? <Row {...header} ink={ink}>{style.header}</Row> : null}
      {footer ? <Footer {...footer} label={style.footer} paginate={chrome.paginate} ink={ink} /> : null}
    </AbsoluteFill>
  );
};

type RowBox = { top: number; height: number; left: number; width: number };

const Footer: React.FC<RowBox & { label?: string; paginate: boolean; ink?: string }> = ({ label, paginate, ink, ...box }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const info = useSlideInfo();
  return (
    <Row {...box} ink={ink}>
      {theme.logo ? <Img src={theme.logo} style={{ height: box.height, maxWidth: scaled(SPACE.logo * 4, height), objectFit: 'contain', flexShrink: 0 }} /> : null}
      <div data-chrome={label === undefined ? true : undefined} style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>{label ?? (paginate ? info.talk : '')}</div>
      {paginate ? <div data-chrome style={{ color: ink ?? theme.colors.accent, fontVariantNumeric: 'tabular-nums' }}>{info.number}</div> : null}
    </Row>
  );
};

/** A row of small text at the top or bottom edge, inside the title-safe area. */
const Row: React.FC<RowBox & { ink?: string; children: React.ReactNode }> = ({ top, height: rowHeight, left, width, ink, children }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const size = scaled(TYPE.footer.max, height);
  return (
    <div
      style={{
        position: 'absolute',
        top,
        left,
        width,
        height: rowHeight,
        display: 'flex',
        alignItems: 'center',
        gap: scaled(SPACE.s, height),
        fontSize: size,
        lineHeight: TYPE.footer.lineHeight,
        fontWeight: TYPE.footer.weight,
        color: ink ?? theme.colors.muted,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      {children}
    </div>
  );
};

/**
 * Pictures filling a box side by side (Marp's several `![bg]`), or stacked when one of them says
 * `vertical`; each fills its share (`cover`, unless it says `contain`).
 */
const Pictures: React.FC<{ images: Looks['backgrounds']; box: React.CSSProperties; drawn?: string }> = ({ images, box, drawn }) => (
  <div data-drawn={drawn} style={{ position: 'absolute', ...box, display: 'flex', flexDirection: images.some((i) => i.vertical) ? 'column' : 'row' }}>
    {images.map((image, i) => (
      <div key={i} style={{ position: 'relative', flex: '1 1 0', minWidth: 0, minHeight: 0 }}>
        <Picture image={image} style={{ inset: 0, width: '100%', height: '100%' }} />
      </div>
    ))}
  </div>
);

/** A short bar in the accent colour, under or beside headings (its space is in geometry.barSpace). */
export const AccentBar: React.FC<{ center?: boolean }> = ({ center }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const gap = scaled(SPACE.bar.gap, height);
  return (
    <div
      style={{
        width: scaled(SPACE.bar.width, height),
        height: scaled(SPACE.bar.thickness, height),
        background: theme.colors.accent,
        borderRadius: scaled(SPACE.bar.thickness, height),
        margin: center ? `${gap}px auto` : `${gap}px 0`,
        flexShrink: 0,
      }}
    />
  );
};
