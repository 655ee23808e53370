import React from 'react';
import { AbsoluteFill, useVideoConfig } from 'remotion';
import { theme } from './theme.js';

/** Background and title-safe area shared by every layout. */
export const Frame: React.FC<{ children: React.ReactNode; align?: 'center' | 'start' }> = ({ children, align = 'start' }) => {
  const { width, height } = useVideoConfig();
  return (
    <AbsoluteFill
      style={{
        background: `radial-gradient(ellipse at 30% 20%, ${theme.colors.backgroundEdge} 0%, ${theme.colors.background} 70%)`,
        color: theme.colors.text,
        fontFamily: theme.font.family,
        padding: `${Math.round(height * theme.safe.y)}px ${Math.round(width * theme.safe.x)}px`,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        alignItems: align === 'center' ? 'center' : 'stretch',
        textAlign: align === 'center' ? 'center' : 'left',
        overflow: 'hidden',
      }}
    >
      {children}
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
