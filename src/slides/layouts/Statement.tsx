import React from 'react';
import { useVideoConfig } from 'remotion';
import { plainText } from '../../deck/markdown.js';
import { fitFontSize } from '../fit.js';
import { AccentBar, Frame } from '../Frame.js';
import { Runs } from '../Runs.js';
import { scaled, theme } from '../theme.js';
import { headingOf, type LayoutProps } from './types.js';

/**
 * One big line, centred (POPPYCOCK!, IT WORKS PRETTY WELL), with an optional line under it.
 * `closing` is the same with a larger heading and the accent bar under it.
 */
export const StatementLayout: React.FC<LayoutProps & { closing?: boolean }> = ({ slide, closing }) => {
  const { width, height } = useVideoConfig();
  const heading = headingOf(slide);
  const rest = slide.blocks.filter((b) => b !== heading);
  const inner = width * (1 - 2 * theme.safe.x);
  const headText = heading ? plainText(heading.runs) : '';
  const restText = rest.map((b) => ('runs' in b ? plainText(b.runs) : '')).filter(Boolean);
  const headSize = fitFontSize([headText], { width: inner, height: height * (restText.length ? 0.4 : 0.7) },
    [closing ? 160 : 130, 120, 108, 96, 84, 72].map((s) => scaled(s, height)), { glyph: 0.64, lineHeight: 1.1 });
  const bodySize = fitFontSize(restText, { width: inner * 0.85, height: height * 0.4 },
    [60, 56, 52, 48, 45].map((s) => scaled(s, height)), { lineHeight: 1.4 });
  return (
    <Frame align="center">
      {heading ? (
        <div style={{ fontSize: headSize, fontWeight: 800, lineHeight: 1.1, letterSpacing: '-0.01em' }}>
          <Runs runs={heading.runs} />
        </div>
      ) : null}
      {heading && (closing || rest.length > 0) ? <AccentBar size={scaled(12, height)} center /> : null}
      {rest.map((b, i) =>
        'runs' in b ? (
          <div key={i} style={{ fontSize: heading ? bodySize : headSize, lineHeight: 1.4, color: theme.colors.body, maxWidth: inner * 0.85, marginTop: i ? bodySize * 0.5 : 0 }}>
            <Runs runs={b.runs} />
          </div>
        ) : null,
      )}
    </Frame>
  );
};
