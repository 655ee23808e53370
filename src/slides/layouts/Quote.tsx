import React from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import { plainText } from '../../deck/markdown.js';
import { entrance } from '../entrance.js';
import { fitFontSize } from '../fit.js';
import { Frame } from '../Frame.js';
import { Runs } from '../Runs.js';
import { scaled, theme } from '../theme.js';
import { blocksOf, type LayoutProps } from './types.js';

/** A quotation set large, with its attribution revealed a beat later. */
export const QuoteLayout: React.FC<LayoutProps> = ({ slide, builds, buildFrames }) => {
  const frame = useCurrentFrame();
  const { width, height } = useVideoConfig();
  const quote = blocksOf(slide, 'quote')[0];
  const paragraphs = quote?.paragraphs ?? [];
  const inner = width * (1 - 2 * theme.safe.x) - scaled(80, height);
  const size = fitFontSize(paragraphs.map(plainText), { width: inner, height: height * 0.6 },
    [76, 70, 64, 58, 52, 48, 45].map((s) => scaled(s, height)), { lineHeight: 1.3, glyph: 0.5 });
  const attribution = quote?.attribution;
  return (
    <Frame>
      <div style={{ borderLeft: `${scaled(10, height)}px solid ${theme.colors.accent}`, paddingLeft: scaled(70, height) }}>
        {paragraphs.map((p, i) => (
          <div key={i} style={{ fontSize: size, lineHeight: 1.3, fontWeight: 600, marginBottom: size * 0.4 }}>
            <Runs runs={p} />
          </div>
        ))}
        {attribution ? (
          <div
            style={{
              fontSize: scaled(theme.size.body, height),
              color: theme.colors.accent,
              marginTop: scaled(30, height),
              ...entrance(frame, builds[0] ?? 0, buildFrames),
            }}
          >
            {`— ${attribution}`}
          </div>
        ) : null}
      </div>
    </Frame>
  );
};
