import React, { useEffect, useLayoutEffect, useState } from 'react';
import { useVideoConfig } from 'remotion';
import type { Block } from '../deck/model.js';
import { CodePanel } from './CodePanel.js';
import { depthPx } from './content-fit.js';
import { useSlideInfo, useTheme } from './context.js';
import { diagramBox } from './fit-diagram.js';
import { drawDiagram, type DrawnDiagram } from './mermaid-page.js';
import { useHold } from './page-wait.js';
import { FONT } from './theme.js';

type Diagram = Extract<Block, { type: 'diagram' }>;

/** Waiting for mermaid: its first diagram of a page loads several megabytes of script. */
const TIMEOUT_MS = 60_000;
/** mermaid sets text at 16 px; a diagram is enlarged until its text is at most this share of its row's size. */
const TEXT_SHARE = 0.8;

/**
 * A diagram, drawn by mermaid in the page in the deck's theme (see mermaid-page.ts), centred in
 * the box the fitting gave it (see fit-diagram.ts) and scaled to fit it, its shape kept. mermaid's
 * SVG goes into the page as markup: mermaid makes it from the deck's source with
 * `securityLevel: 'strict'`, which escapes labels and sanitises them with DOMPurify, and leaves
 * out scripts and click handlers. A diagram mermaid cannot draw (`check` reports those it cannot
 * read) is shown as its source on a code panel.
 */
export const DiagramView: React.FC<{
  block: Diagram;
  depth: number;
  size: number;
  before: number;
  width: number;
  /** The box's height from the fitting (`fit.boxes[key]`); without it, from `size` (see diagramBox). */
  height?: number;
  style?: React.CSSProperties;
}> = ({ block, depth, size, before, width, height: fitted, style }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const { number } = useSlideInfo();
  const hold = useHold(`Slide ${number}: mermaid drawing the diagram at line ${block.line}`, TIMEOUT_MS);
  const [drawn, setDrawn] = useState<DrawnDiagram | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    drawDiagram(block.code, theme).then(
      (d) => live && setDrawn(d),
      () => live && setDrawn('failed'),
    );
    return () => {
      live = false;
    };
  }, [block.code, theme]);
  useLayoutEffect(() => {
    if (drawn) hold.done();
  }, [drawn, hold]);

  if (drawn === 'failed') {
    return (
      <div data-chrome style={{ display: 'contents' }}>
        <CodePanel block={{ type: 'code', value: block.code, line: block.line }} depth={depth} size={size} before={before} width={width} style={style} />
      </div>
    );
  }
  const indent = depthPx(depth, height);
  const room = width - indent;
  const box = fitted ?? diagramBox(size);
  const scale = drawn ? Math.min(room / drawn.width, box / drawn.height, (TEXT_SHARE * size) / 16) : 0;
  return (
    // Not words: the text probe leaves it out (see SlideView).
    <div
      data-chrome
      style={{
        marginTop: before * size,
        marginLeft: indent,
        width: room,
        height: box,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        flexShrink: 0,
        ['--mermaid-font-family' as string]: FONT.family,
        ...style,
      }}
    >
      {drawn ? <div data-drawn="diagram" style={{ width: drawn.width * scale, height: drawn.height * scale, flexShrink: 0 }} dangerouslySetInnerHTML={{ __html: drawn.svg }} /> : null}
    </div>
  );
};
