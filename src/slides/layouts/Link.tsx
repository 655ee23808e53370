import React from 'react';
import { useVideoConfig } from 'remotion';
import { plainText } from '../../deck/markdown.js';
import { fitFontSize } from '../fit.js';
import { AccentBar, Frame } from '../Frame.js';
import { Runs } from '../Runs.js';
import { scaled, theme } from '../theme.js';
import { blocksOf, headingOf, type LayoutProps } from './types.js';

/** A heading and the address that goes with it, shown whole so viewers can type it. */
export const LinkLayout: React.FC<LayoutProps> = ({ slide }) => {
  const { width, height } = useVideoConfig();
  const heading = headingOf(slide);
  const urls = blocksOf(slide, 'paragraph');
  const inner = width * (1 - 2 * theme.safe.x);
  const headSize = fitFontSize([heading ? plainText(heading.runs) : ''], { width: inner, height: height * 0.35 },
    [130, 116, 100, 88, 76].map((s) => scaled(s, height)), { glyph: 0.64, lineHeight: 1.1 });
  const urlSize = fitFontSize(urls.map((u) => plainText(u.runs)), { width: inner - scaled(96, height), height: height * 0.3 },
    [56, 52, 48, 45, 40].map((s) => scaled(s, height)), { glyph: 0.56 });
  return (
    <Frame align="center">
      {heading ? (
        <div style={{ fontSize: headSize, fontWeight: 800, lineHeight: 1.1 }}>
          <Runs runs={heading.runs} />
        </div>
      ) : null}
      <AccentBar size={scaled(12, height)} center />
      {urls.map((u, i) => (
        <div
          key={i}
          style={{
            fontSize: urlSize,
            color: theme.colors.link,
            background: theme.colors.panel,
            borderRadius: scaled(18, height),
            padding: `${scaled(18, height)}px ${scaled(40, height)}px`,
            marginTop: scaled(24, height),
            maxWidth: inner,
            overflowWrap: 'anywhere',
          }}
        >
          <Runs runs={u.runs.map((r) => ({ ...r, href: undefined }))} />
        </div>
      ))}
    </Frame>
  );
};
