import React from 'react';
import { useVideoConfig } from 'remotion';
import { useFitted, useTheme } from '../context.js';
import { AccentBar, Frame } from '../Frame.js';
import { headingOf, linkPadding } from '../geometry.js';
import { oneLine, Runs, Text } from '../Runs.js';
import { SPACE, TYPE, panelColor, scaled } from '../theme.js';
import type { LayoutProps } from './types.js';

/** A heading and the address that goes with it, shown whole so viewers can type it. */
export const LinkLayout: React.FC<LayoutProps> = ({ slide }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const fit = useFitted(slide);
  const heading = headingOf(slide);
  const urls = slide.blocks.filter((b) => b !== heading && b.type === 'paragraph');
  const pad = linkPadding(height);
  return (
    <Frame align="center">
      {heading ? (
        <Text size={fit.size.head} lineHeight={TYPE.linkTitle.lineHeight} weight={TYPE.linkTitle.weight} style={{ letterSpacing: '-0.01em', textWrap: 'balance', ...oneLine(heading) }}>
          <Runs runs={heading.runs} />
        </Text>
      ) : null}
      <AccentBar center />
      {urls.map((u, i) => (
        <Text
          key={i}
          size={fit.size[`u${i}`]}
          lineHeight={TYPE.url.lineHeight}
          color={theme.colors.link}
          style={{
            background: panelColor(theme),
            borderRadius: scaled(18, height),
            padding: `${pad.y}px ${pad.x}px`,
            marginTop: i ? scaled(SPACE.s, height) : 0,
            maxWidth: '100%',
            boxSizing: 'border-box',
          }}
        >
          {u.type === 'paragraph' ? <Runs runs={u.runs.map((r) => ({ ...r, href: undefined }))} /> : null}
        </Text>
      ))}
    </Frame>
  );
};
