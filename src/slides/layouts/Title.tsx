import React from 'react';
import { useFitted, useSlideInfo, useTheme } from '../context.js';
import { AccentBar, Frame } from '../Frame.js';
import { blockText, titleParts } from '../geometry.js';
import { oneLine, Runs, Text } from '../Runs.js';
import { TYPE } from '../theme.js';
import type { LayoutProps } from './types.js';

/** The talk's opening: a large title, an accent bar, then the speaker's lines. */
export const TitleLayout: React.FC<LayoutProps> = ({ slide }) => {
  const theme = useTheme();
  const fit = useFitted(slide);
  const { meta } = useSlideInfo();
  const { head, lines } = titleParts(slide);
  return (
    <Frame>
      {head ? (
        <Text size={fit.size.head} lineHeight={TYPE.hero.lineHeight} weight={TYPE.hero.weight} style={{ letterSpacing: '-0.02em', textWrap: 'balance', ...oneLine(head) }}>
          <Runs runs={head.runs} />
        </Text>
      ) : null}
      {lines.length || meta ? <AccentBar /> : null}
      {lines.map((b, i) => (
        <Text
          key={i}
          size={fit.size[`p${i}`]}
          lineHeight={TYPE.lead.lineHeight}
          weight={i === 0 ? 600 : 400}
          color={i === 0 ? theme.colors.body : theme.colors.accent}
        >
          {b.type === 'paragraph' || b.type === 'heading' ? <Runs runs={b.runs} /> : blockText(b)}
        </Text>
      ))}
      {meta ? (
        <Text size={fit.size.meta} lineHeight={TYPE.small.lineHeight} before={1.2} color={theme.colors.muted} data-chrome>
          {meta}
        </Text>
      ) : null}
    </Frame>
  );
};
