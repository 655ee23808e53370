import React from 'react';
import type { Marker as MarkerSpec } from './content.js';
import { useTheme } from './context.js';

/**
 * A list item's marker, drawn with CSS rather than a font's glyph so that it looks the same in
 * every font: a square at the first level, a ring at the second, a dash below; the number of an
 * ordered item; a box, ticked when done, for a task.
 */
export const Marker: React.FC<{ marker: MarkerSpec; size: number }> = ({ marker, size }) => {
  const theme = useTheme();
  const accent = theme.colors.accent;
  if (marker.kind === 'number') return <>{`${marker.n}.`}</>;
  if (marker.kind === 'task') {
    const box = size * 0.62;
    return (
      <span
        style={{
          display: 'inline-block',
          position: 'relative',
          width: box,
          height: box,
          boxSizing: 'border-box',
          border: `${Math.max(2, size * 0.07)}px solid ${accent}`,
          borderRadius: size * 0.1,
          background: marker.checked ? accent : undefined,
          transform: `translateY(${size * 0.06}px)`,
        }}
      >
        {marker.checked ? (
          <span
            style={{
              position: 'absolute',
              left: box * 0.28,
              top: box * 0.06,
              width: box * 0.26,
              height: box * 0.5,
              borderRight: `${Math.max(2, size * 0.08)}px solid ${theme.colors.background}`,
              borderBottom: `${Math.max(2, size * 0.08)}px solid ${theme.colors.background}`,
              transform: 'rotate(45deg)',
            }}
          />
        ) : null}
      </span>
    );
  }
  if (marker.depth === 0) {
    return <span style={{ display: 'inline-block', width: size * 0.32, height: size * 0.32, background: accent, borderRadius: size * 0.06, transform: `translateY(-${size * 0.1}px)` }} />;
  }
  if (marker.depth === 1) {
    return (
      <span
        style={{
          display: 'inline-block',
          width: size * 0.3,
          height: size * 0.3,
          boxSizing: 'border-box',
          border: `${Math.max(2, size * 0.06)}px solid ${accent}`,
          borderRadius: '50%',
          transform: `translateY(-${size * 0.1}px)`,
        }}
      />
    );
  }
  return <span style={{ display: 'inline-block', width: size * 0.3, height: Math.max(2, size * 0.07), background: accent, transform: `translateY(-${size * 0.2}px)` }} />;
};
