import React from 'react';
import { AbsoluteFill, Img, useVideoConfig } from 'remotion';
import { mixColors } from '../deck/color.js';
import { useSlideInfo, useTheme } from './context.js';
import { contentArea } from './geometry.js';
import { Edges, inkFor, Picture, useLooks } from './looks.js';
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
  const { style, background, side, dim } = useLooks();
  const ink = style.color ?? inkFor(style.background);
  const half = Math.round(width / 2);
  const chrome = { paginate: theme.paginate, logo: theme.logo !== null };
  const area = contentArea(side ? half : width, height, chrome);
  const footer = contentArea(width, height, chrome).footer;
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
      {background ? <Picture image={background} style={{ inset: 0, width: '100%', height: '100%' }} /> : null}
      {background && dim ? <AbsoluteFill style={{ background: ink ? 'rgba(255,255,255,0.6)' : 'rgba(11,18,32,0.6)' }} /> : null}
      {side ? <Picture image={side} style={{ top: 0, bottom: 0, [side.placement === 'left' ? 'left' : 'right']: 0, width: half, height: '100%' }} /> : null}
      <div
        style={{
          position: 'absolute',
          left: area.left + (side?.placement === 'left' ? half : 0),
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
      {/* With talkreel's footer row, a Marp footer is its text, beside the slide number. */}
      <Edges style={footer ? { ...style, footer: undefined } : style} />
      {footer ? <Footer {...footer} label={style.footer} ink={ink} /> : null}
    </AbsoluteFill>
  );
};

const Footer: React.FC<{ top: number; height: number; left: number; width: number; label?: string; ink?: string }> = ({ top, height: rowHeight, left, width, label, ink }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const info = useSlideInfo();
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
      {theme.logo ? <Img src={theme.logo} style={{ height: rowHeight, maxWidth: scaled(SPACE.logo * 4, height), objectFit: 'contain', flexShrink: 0 }} /> : null}
      <div data-chrome={label === undefined ? true : undefined} style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>{label ?? (theme.paginate ? info.talk : '')}</div>
      {theme.paginate ? <div data-chrome style={{ color: ink ?? theme.colors.accent, fontVariantNumeric: 'tabular-nums' }}>{info.number}</div> : null}
    </div>
  );
};

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
