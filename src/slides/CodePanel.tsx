import React from 'react';
import { useVideoConfig } from 'remotion';
import type { Block } from '../deck/model.js';
import { depthPx, panelPadding } from './content-fit.js';
import { measure, useTheme } from './context.js';
import { WRAP_MARKER, wrapCode } from './fit-code.js';
import { SPACE, TYPE, panelColor, scaled } from './theme.js';

type Of<T extends Block['type']> = Extract<Block, { type: T }>;

/**
 * A code block on a panel, in DejaVu Sans Mono: every line as written, indentation kept. A line
 * too long for the panel continues on the next behind a muted `↪` (see fit-code.ts).
 */
export const CodePanel: React.FC<{ block: Of<'code'>; depth: number; size: number; before: number; width: number; style?: React.CSSProperties }> = ({ block, depth, size, before, width, style }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const pad = panelPadding(height);
  const indent = depthPx(depth, height);
  const lines = wrapCode(block.value, width - indent - 2 * pad.x, size, measure);
  const lineHeight = size * TYPE.code.lineHeight;
  return (
    <div
      style={{
        marginTop: before * size,
        marginLeft: indent,
        padding: `${pad.y}px ${pad.x}px`,
        background: panelColor(theme),
        borderRadius: scaled(SPACE.panel.radius, height),
        color: theme.colors.text,
        fontFamily: theme.font.mono,
        fontSize: size,
        lineHeight: `${lineHeight}px`,
        textAlign: 'left',
        flexShrink: 0,
        ...style,
      }}
    >
      {lines.map((line, i) => (
        <div key={i} style={{ whiteSpace: 'pre', height: lineHeight, overflow: 'hidden' }}>
          {line.continued ? <span style={{ color: theme.colors.muted }}>{WRAP_MARKER}</span> : null}
          {line.text}
        </div>
      ))}
    </div>
  );
};
