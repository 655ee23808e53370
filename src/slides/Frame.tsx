import React from 'react';
import { AbsoluteFill, useVideoConfig } from 'remotion';
import { Edges, inkFor, Picture, useLooks } from './looks.js';
import { theme } from './theme.js';

/**
 * Background and title-safe area shared by every layout. A slide's own looks (see looks.tsx) can
 * change its colours and put a picture behind it or beside it; the content then keeps the rest.
 */
export const Frame: React.FC<{ children: React.ReactNode; align?: 'center' | 'start' }> = ({ children, align = 'start' }) => {
  const { width, height } = useVideoConfig();
  const { style, background, side, dim } = useLooks();
  const ink = style.color ?? inkFor(style.background);
  const padY = Math.round(height * theme.safe.y);
  const padX = Math.round(width * theme.safe.x);
  const half = Math.round(width / 2);
  return (
    <AbsoluteFill
      className={ink ? 'talkreel-ink' : undefined}
      style={{
        background: style.background ?? `radial-gradient(ellipse at 30% 20%, ${theme.colors.backgroundEdge} 0%, ${theme.colors.background} 70%)`,
        color: ink ?? theme.colors.text,
        fontFamily: theme.font.family,
        overflow: 'hidden',
      }}
    >
      {/* A slide that sets its text colour has all its text in that colour. */}
      {ink ? <style>{'.talkreel-ink * { color: inherit !important; }'}</style> : null}
      {background ? <Picture image={background} style={{ inset: 0, width: '100%', height: '100%' }} /> : null}
      {background && dim ? <AbsoluteFill style={{ background: ink ? 'rgba(255,255,255,0.6)' : 'rgba(11,18,32,0.6)' }} /> : null}
      {side ? <Picture image={side} style={{ top: 0, bottom: 0, [side.placement === 'left' ? 'left' : 'right']: 0, width: half, height: '100%' }} /> : null}
      <AbsoluteFill
        style={{
          padding: `${padY}px ${padX}px`,
          left: side?.placement === 'left' ? half : 0,
          right: side?.placement === 'right' ? half : 0,
          width: 'auto',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          alignItems: align === 'center' ? 'center' : 'stretch',
          textAlign: align === 'center' ? 'center' : 'left',
        }}
      >
        {children}
      </AbsoluteFill>
      <Edges style={style} />
    </AbsoluteFill>
  );
};

/** A short bar in the accent colour, under or beside headings. */
export const AccentBar: React.FC<{ size: number; center?: boolean }> = ({ size, center }) => (
  <div
    style={{
      width: size * 10,
      height: Math.max(3, Math.round(size / 2)),
      background: theme.colors.accent,
      borderRadius: size,
      margin: center ? `${size}px auto` : `${size}px 0`,
      flexShrink: 0,
    }}
  />
);
