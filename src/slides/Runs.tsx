import React from 'react';
import type { Run } from '../deck/model';
import { theme } from './theme';

/**
 * Inline text with its marks. Text is always rendered as React text nodes, so raw HTML from a
 * deck shows as the characters it is made of and never becomes markup.
 */
export const Runs: React.FC<{ runs: Run[] }> = ({ runs }) => (
  <>
    {runs.map((run, i) => {
      if (run.text === '\n') return <br key={i} />;
      const style: React.CSSProperties = {
        fontWeight: run.strong ? 700 : undefined,
        fontStyle: run.em ? 'italic' : undefined,
        fontFamily: run.code ? theme.font.mono : undefined,
        color: run.href ? theme.colors.link : undefined,
        overflowWrap: 'anywhere',
      };
      return (
        <span key={i} style={style}>
          {run.text}
        </span>
      );
    })}
  </>
);
