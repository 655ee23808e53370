import React from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import { useFitted, useTextArea, useTheme } from '../context.js';
import { contentParts, flowParts, slotColumns, splitColumns, type Row } from '../content.js';
import { columnWidth, depthPx, figureOf, GAP_EM, gapAbove, panelPadding } from '../content-fit.js';
import { BuildProvider, clickStyle, codeStep, useBuildState } from '../clicks.js';
import { AccentBar, Frame } from '../Frame.js';
import { oneLine, Runs, Text } from '../Runs.js';
import { Marker } from '../Marker.js';
import { CodePanel } from '../CodePanel.js';
import { Picture, TableView } from '../Panels.js';
import { DiagramView } from '../DiagramView.js';
import { MathBlock } from '../MathView.js';
import { SPACE, TYPE, panelColor, scaled } from '../theme.js';
import type { LayoutProps } from './types.js';

type TextRow = Extract<Row, { kind: 'text' }>;

/**
 * The general layout: a heading, then every block of the slide in order (paragraphs, lists
 * nested as written, code, tables, pictures, quotations). Top-level list items build one after
 * another, their nested content with them; one long list that does not fit in a column is set
 * in two. Paragraphs after the last list (such as a "Source:" line) are set small at the bottom,
 * so references stay visible without competing with the points.
 */
export const ContentLayout: React.FC<LayoutProps> = ({ slide, builds, buildFrames }) => {
  const frame = useCurrentFrame();
  const { height } = useVideoConfig();
  const fit = useFitted(slide);
  const area = useTextArea();
  const { heading, rows } = contentParts(slide);
  const split = fit.columns === 2 ? splitColumns(rows) : null;
  // A row in a column gets the column's width (code wraps to it); a row above or below, the area's.
  const inColumn = (row: Row) => split !== null || (slide.layout === 'columns' && row.slot !== 'header' && row.slot !== 'bottom');
  const widthOf = (row: Row) => (row.cell || inColumn(row) ? columnWidth({ width: area.width, frame: height }, row.cell?.columns) : area.width);
  const build = { frame, builds, buildFrames };
  const shown = (row: Row) => clickStyle(row.click, build);
  const view = (row: Row, before: number) => <RowView key={row.key} row={row} size={fit.size[row.key]} before={before} fit={fit} width={widthOf(row)} style={shown(row)} />;

  // Rows one under another, a grid's columns side by side, as content-fit.ts measures them.
  const flow = (part: Row[], first = 0) => {
    let notes = 0;
    return flowParts(part).map((p, i) => {
      if ('grid' in p) return grid(p.grid, i === 0);
      const { row } = p;
      return view(row, row.kind === 'text' && row.role === 'small' && !row.placeholder ? (notes++ === 0 ? 0.8 : 0) : i === 0 ? first : gapAbove(row));
    });
  };
  // Columns side by side, as wide as the area; `drawn`: the deck asked for them (the text probe
  // counts them), rather than the fitting.
  const sideBySide = (columns: React.ReactNode[], drawn?: string, key?: string) => (
    <div key={key} data-drawn={drawn} style={{ display: 'flex', gap: scaled(SPACE.l, height), alignItems: 'flex-start', alignSelf: 'stretch', flexShrink: 0 }}>
      {columns.map((column, c) => (
        <div key={c} style={{ flex: '1 1 0', minWidth: 0 }}>
          {column}
        </div>
      ))}
    </div>
  );
  const grid = (columns: Row[][], top: boolean) =>
    sideBySide(columns.map((column) => column.map((row, j) => view(row, j === 0 && top ? 0 : gapAbove(row)))), 'columns', `grid-${columns.flat()[0]?.key}`);
  const columns = (left: Row[], right: Row[], drawn?: string) => sideBySide([flow(left), flow(right)], drawn);

  let body: React.ReactNode;
  if (slide.layout === 'columns') {
    const { top, left, right, bottom } = slotColumns(rows);
    body = (
      <>
        {flow(top)}
        {columns(left, right, 'columns')}
        {flow(bottom, GAP_EM.panel)}
      </>
    );
  } else if (split) {
    body = (
      <>
        {columns(split.left, split.right)}
        {split.notes.map((r, i) => view(r, i === 0 ? 0.8 : 0))}
      </>
    );
  } else {
    body = flow(rows);
  }

  return (
    <BuildProvider state={build}>
      <Frame align={slide.centred ? 'center' : 'start'}>
        {heading ? (
          <>
            <Text size={fit.size.head} lineHeight={TYPE.title.lineHeight} weight={TYPE.title.weight} style={{ letterSpacing: '-0.01em', textWrap: 'balance', ...oneLine(heading) }}>
              <Runs runs={heading.runs} />
            </Text>
            <AccentBar center={slide.centred} />
          </>
        ) : null}
        {body}
      </Frame>
    </BuildProvider>
  );
};

interface RowProps {
  row: Row;
  /** The width the row may take (a column's, when the slide is set in two). */
  width: number;
  size: number;
  before: number;
  fit: ReturnType<typeof useFitted>;
  style?: React.CSSProperties;
}

const RowView: React.FC<RowProps> = ({ row, size, before, fit, width, style }) => {
  const build = useBuildState();
  switch (row.kind) {
    case 'text':
      return <TextRowView row={row} size={size} before={before} style={style} />;
    case 'code':
      return <CodePanel block={row.block} depth={row.depth} size={size} before={before} width={width} style={style} step={codeStep(row.block, build)} />;
    case 'table':
      return <TableView block={row.block} depth={row.depth} size={size} before={before} widths={fit.widths[row.key] ?? []} style={style} />;
    case 'image':
      return <Picture block={row.block} depth={row.depth} height={fit.boxes[row.key] ?? 0} before={before} size={size} style={style} />;
    case 'math':
      return <MathBlock block={row.block} depth={row.depth} size={size} before={before} width={width} style={style} />;
    case 'diagram':
      return <DiagramView block={row.block} depth={row.depth} size={size} before={before} width={width} style={style} />;
  }
};

const TextRowView: React.FC<{ row: TextRow; size: number; before: number; style?: React.CSSProperties }> = ({ row, size, before, style }) => {
  const theme = useTheme();
  const { height } = useVideoConfig();
  const indent = row.depth > 0 ? { marginLeft: row.depth * 1.1 * size } : {};
  if (row.placeholder) {
    const pad = panelPadding(height);
    return (
      <Text size={size} lineHeight={TYPE.small.lineHeight} before={before} color={theme.colors.muted}
        style={{ ...indent, marginLeft: depthPx(row.depth, height), padding: `${pad.y}px ${pad.x}px`, background: panelColor(theme), borderRadius: scaled(SPACE.panel.radius, height), fontStyle: 'italic', ...style }}>
        <Runs runs={row.runs} />
      </Text>
    );
  }
  if (row.role === 'small') {
    return (
      <Text size={size} lineHeight={TYPE.small.lineHeight} before={before} color={theme.colors.muted} style={{ ...indent, ...style }}>
        <Runs runs={row.runs} />
      </Text>
    );
  }
  if (row.role === 'subtitle' || row.role === 'heading') {
    return (
      <Text size={size} lineHeight={TYPE[row.role].lineHeight} weight={TYPE[row.role].weight} before={before} style={{ ...indent, ...style }}>
        <Runs runs={row.runs} />
      </Text>
    );
  }
  if (row.quote) {
    const rule = scaled(SPACE.bar.thickness, height);
    return (
      <Text size={size} lineHeight={TYPE.body.lineHeight} before={before} color={row.quote === 'attribution' ? theme.colors.accent : theme.colors.body}
        style={{ ...indent, borderLeft: `${rule}px solid ${theme.colors.accent}`, paddingLeft: scaled(SPACE.l, height), fontStyle: row.quote === 'line' ? 'italic' : undefined, ...style }}>
        <Runs runs={row.runs} />
      </Text>
    );
  }
  if (!row.marker) {
    return (
      <Text size={size} lineHeight={TYPE.body.lineHeight} before={before} color={theme.colors.body} style={row.depth > 0 || style ? { ...indent, ...style } : undefined}>
        <Runs runs={row.runs} />
      </Text>
    );
  }
  return (
    <Text size={size} lineHeight={TYPE.body.lineHeight} before={before} color={theme.colors.body} style={{ display: 'flex', alignItems: 'baseline', ...indent, ...style }}>
      <span data-chrome style={{ flex: `0 0 ${size * 1.1}px`, color: theme.colors.accent, fontWeight: 700 }}>
        <Marker marker={row.marker} size={size} />
      </span>
      <span style={{ flex: 1, minWidth: 0 }}>
        <Item runs={row.runs} accent={theme.colors.accent} />
      </span>
    </Text>
  );
};

/** A list item; a leading figure is set bold in the accent colour. */
const Item: React.FC<{ runs: Extract<Row, { kind: 'text' }>['runs']; accent: string }> = ({ runs, accent }) => {
  const figure = figureOf(runs);
  if (!figure) return <Runs runs={runs} />;
  return (
    <>
      <span style={{ color: accent, fontWeight: 700 }}>{figure.figure}</span>
      <Runs runs={figure.rest} />
    </>
  );
};
