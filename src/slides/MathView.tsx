import React from 'react';
import type { Block } from '../deck/model.js';
import { CodePanel } from './CodePanel.js';

type Math = Extract<Block, { type: 'math' }>;

/** A display formula. Until formulas are drawn by KaTeX, its TeX on a code panel. */
export const MathBlock: React.FC<{ block: Math; depth: number; size: number; before: number; width: number; style?: React.CSSProperties }> = ({ block, ...rest }) => (
  // Not words: the text probe leaves it out (see SlideView).
  <div data-chrome style={{ display: 'contents' }}>
  <CodePanel block={{ type: 'code', value: block.tex, line: block.line }} {...rest} />
  </div>
);
