import React from 'react';
import { Img, useVideoConfig } from 'remotion';
import type { Block } from '../deck/model.js';
import { depthPx } from './content-fit.js';
import { useTheme } from './context.js';
import { Runs } from './Runs.js';
import { TYPE, panelColor, scaled } from './theme.js';

type Of<T extends Block['type']> = Extract<Block, { type: T }>;

interface PanelProps {
  depth: number;
  size: number;
  /** Space above, in ems of `size`. */
  before: number;
  style?: React.CSSProperties;
}

/** A table with the column widths the fitting chose; the header bold over an accent rule. */
export const TableView: React.FC<PanelProps & { block: Of<'table'>; widths: number[] }> = ({ block, depth, size, before, widths, style }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const padding = `${0.25 * size}px ${0.5 * size}px`;
  // Rules are drawn as inset shadows: they take no room, so the rows are as tall as fitted.
  const rule = (px: number, color: string) => `inset 0 -${px}px 0 ${color}`;
  const cell = (i: number, head: boolean): React.CSSProperties => ({
    padding,
    textAlign: block.align[i] ?? 'left',
    verticalAlign: 'top',
    fontWeight: head ? 700 : undefined,
    boxShadow: head ? rule(Math.max(2, scaled(4, height)), theme.colors.accent) : rule(Math.max(1, scaled(2, height)), panelColor(theme)),
    overflowWrap: 'anywhere',
  });
  return (
    <table
      style={{
        tableLayout: 'fixed',
        borderCollapse: 'collapse',
        width: widths.reduce((a, b) => a + b, 0),
        marginTop: before * size,
        marginLeft: depthPx(depth, height),
        fontSize: size,
        lineHeight: TYPE.table.lineHeight,
        color: theme.colors.body,
        flexShrink: 0,
        ...style,
      }}
    >
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      {block.head.length ? (
        <thead>
          <tr>
            {block.head.map((c, i) => (
              <th key={i} style={{ ...cell(i, true), color: theme.colors.text }}>
                <Runs runs={c} />
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {block.rows.map((row, r) => (
          <tr key={r}>
            {row.map((c, i) => (
              <td key={i} style={cell(i, false)}>
                <Runs runs={c} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** A picture among the slide's text, in the height the fitting gave it (see content.ts for one that cannot be shown). */
export const Picture: React.FC<PanelProps & { block: Of<'image'>; height: number }> = ({ block, depth, size, before, height: box, style }) => {
  const { height } = useVideoConfig();
  const width = block.width ? Math.round((block.width * height) / 720) : undefined;
  return (
    <div style={{ marginTop: before * size, marginLeft: depthPx(depth, height), height: box, display: 'flex', justifyContent: 'center', flexShrink: 0, ...style }}>
      <Img src={block.src} alt={block.alt} style={{ height: '100%', maxWidth: '100%', width, objectFit: 'contain' }} />
    </div>
  );
};
