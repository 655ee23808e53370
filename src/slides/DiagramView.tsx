import React from 'react';
import type { Block } from '../deck/model.js';
import { CodePanel } from './CodePanel.js';

type Diagram = Extract<Block, { type: 'diagram' }>;

/** A diagram. Until diagrams are drawn by mermaid, its source on a code panel. */
export const DiagramView: React.FC<{ block: Diagram; depth: number; size: number; before: number; width: number; style?: React.CSSProperties }> = ({ block, ...rest }) => (
  // Not words: the text probe leaves it out (see SlideView).
  <div data-chrome style={{ display: 'contents' }}>
  <CodePanel block={{ type: 'code', lang: block.lang, value: block.code, line: block.line }} {...rest} />
  </div>
);
