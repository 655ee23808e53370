import React from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import type { Block } from '../../deck/model.js';
import { useFitted, useTheme } from '../context.js';
import { entrance } from '../entrance.js';
import { Frame } from '../Frame.js';
import { Runs, Text } from '../Runs.js';
import { SPACE, TYPE, scaled } from '../theme.js';
import type { LayoutProps } from './types.js';

/** A quotation set large beside an accent rule, with its attribution revealed a beat later. */
export const QuoteLayout: React.FC<LayoutProps> = ({ slide, builds, buildFrames }) => {
  const frame = useCurrentFrame();
  const { height } = useVideoConfig();
  const theme = useTheme();
  const fit = useFitted(slide);
  const quote = slide.blocks.find((b): b is Extract<Block, { type: 'quote' }> => b.type === 'quote');
  const paragraphs = quote?.paragraphs ?? [];
  const rule = scaled(SPACE.bar.thickness, height);
  return (
    <Frame>
      <div style={{ borderLeft: `${rule}px solid ${theme.colors.accent}`, paddingLeft: scaled(SPACE.l, height), minHeight: 0 }}>
        {paragraphs.map((p, i) => (
          <Text key={i} size={fit.size[`q${i}`]} lineHeight={TYPE.quote.lineHeight} weight={TYPE.quote.weight} before={i ? 0.4 : 0}>
            <Runs runs={p} />
          </Text>
        ))}
        {quote?.attribution ? (
          <Text size={fit.size.attr} lineHeight={TYPE.body.lineHeight} before={0.6} color={theme.colors.accent} style={entrance(frame, builds[0] ?? 0, buildFrames)}>
            {`— ${quote.attribution}`}
          </Text>
        ) : null}
      </div>
    </Frame>
  );
};
