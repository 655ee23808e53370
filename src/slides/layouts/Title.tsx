import React from 'react';
import { useVideoConfig } from 'remotion';
import { plainText } from '../../deck/markdown.js';
import { fitFontSize } from '../fit.js';
import { AccentBar, Frame } from '../Frame.js';
import { Runs } from '../Runs.js';
import { scaled, theme } from '../theme.js';
import { blocksOf, headingOf, type LayoutProps } from './types.js';

/** The talk's opening: a large title, an accent bar, then the speaker's lines. */
export const TitleLayout: React.FC<LayoutProps> = ({ slide }) => {
  const { width, height } = useVideoConfig();
  const heading = headingOf(slide);
  const lines = slide.blocks.filter((b) => b !== heading && b.type === 'paragraph');
  const inner = width * (1 - 2 * theme.safe.x);
  const titleText = heading ? plainText(heading.runs) : slide.title;
  const size = fitFontSize([titleText], { width: inner, height: height * 0.45 }, [150, 132, 116, 100, 88, 76].map((s) => scaled(s, height)), {
    glyph: 0.62,
    lineHeight: 1.05,
  });
  const body = scaled(theme.size.body, height);
  return (
    <Frame>
      <div style={{ fontSize: size, fontWeight: 800, lineHeight: 1.05, letterSpacing: '-0.02em' }}>
        {heading ? <Runs runs={heading.runs} /> : slide.title}
      </div>
      <AccentBar size={scaled(12, height)} />
      {lines.map((p, i) =>
        p.type === 'paragraph' ? (
          <div key={i} style={{ fontSize: body, lineHeight: 1.35, color: i === 0 ? theme.colors.body : theme.colors.accent, fontWeight: i === 0 ? 600 : 400 }}>
            <Runs runs={p.runs} />
          </div>
        ) : null,
      )}
      {blocksOf(slide, 'list').map((l, i) => (
        <div key={`l${i}`} style={{ fontSize: body, color: theme.colors.body }}>
          {l.items.map((item, k) => (
            <div key={k}>
              <Runs runs={item} />
            </div>
          ))}
        </div>
      ))}
    </Frame>
  );
};
