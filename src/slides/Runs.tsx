import React from 'react';
import type { Run } from '../deck/model.js';
import { clickStyle, useBuildState } from './clicks.js';
import { useTheme } from './context.js';
import { InlineMath } from './MathView.js';
import { panelColor } from './theme.js';

/**
 * Inline text with its marks. Text is always rendered as React text nodes, so raw HTML from a
 * deck shows as the characters it is made of and never becomes markup.
 */
export const Runs: React.FC<{ runs: Run[] }> = ({ runs }) => {
  const theme = useTheme();
  const build = useBuildState();
  return (
    <>
      {runs.map((run, i) => {
        if (run.text === '\n') return <br key={i} />;
        if (run.math) return <InlineMath key={i} run={run} />;
        const style: React.CSSProperties = {
          fontWeight: run.strong ? 700 : undefined,
          fontStyle: run.em ? 'italic' : undefined,
          fontFamily: run.code || run.kbd || run.math ? theme.font.mono : undefined,
          color: run.href ? theme.colors.link : undefined,
          textDecoration: run.strike ? 'line-through' : undefined,
          verticalAlign: run.sub ? 'sub' : run.sup ? 'super' : undefined,
          fontSize: run.sub || run.sup ? '0.7em' : undefined,
          // Code on a chip and keys in a frame, both drawn around the text (a shadow takes no room),
          // so a line is as wide as the fitting measured it.
          ...(run.code && !run.kbd ? { background: panelColor(theme), borderRadius: '0.15em', boxShadow: `0 0 0 0.12em ${panelColor(theme)}` } : {}),
          ...(run.kbd ? { borderRadius: '0.15em', boxShadow: `0 0 0 0.06em ${theme.colors.muted}, 0 0 0 0.14em ${panelColor(theme)}`, background: panelColor(theme) } : {}),
          overflowWrap: 'anywhere',
          // A part of the line that comes at a click (`<span v-click>`).
          ...clickStyle(run.click, build),
        };
        return (
          <span key={i} style={style} data-chrome={run.math ? true : undefined}>
            {run.text}
          </span>
        );
      })}
    </>
  );
};

/** One fitted text item: its size, line height, weight and space above, as geometry.ts counted them. */
export const Text: React.FC<{
  size: number;
  lineHeight: number;
  weight?: number;
  before?: number;
  color?: string;
  style?: React.CSSProperties;
  /** What talkreel adds around the author's words (see SlideView's text probe). */
  'data-chrome'?: boolean;
  children: React.ReactNode;
}> = ({ size, lineHeight, weight, before = 0, color, style, children, ...rest }) => (
  <div {...rest} style={{ fontSize: size, lineHeight, fontWeight: weight, marginTop: before * size, color, flexShrink: 0, overflowWrap: 'anywhere', ...style }}>
    {children}
  </div>
);

/** A Marp `fit` heading stays on one line: its size was chosen for that (see head.ts). */
export const oneLine = (block: { type: string; fit?: boolean } | undefined): React.CSSProperties => (block?.type === 'heading' && block.fit ? { whiteSpace: 'nowrap' } : {});
