import React from 'react';
import { useFitted, useTheme } from '../context.js';
import { AccentBar, Frame } from '../Frame.js';
import { statementParts } from '../geometry.js';
import { oneLine, Runs, Text } from '../Runs.js';
import { TYPE } from '../theme.js';
import type { LayoutProps } from './types.js';

/**
 * One big line, centred (POPPYCOCK!, IT WORKS PRETTY WELL), with an optional line under it.
 * `closing` is the same with a larger heading and the accent bar under it.
 */
export const StatementLayout: React.FC<LayoutProps & { closing?: boolean }> = ({ slide, closing }) => {
  const theme = useTheme();
  const fit = useFitted(slide);
  const { heading, rest } = statementParts(slide);
  const big = closing ? TYPE.closing : TYPE.statement;
  return (
    <Frame align="center">
      {heading ? (
        <Text size={fit.size.head} lineHeight={big.lineHeight} weight={big.weight} style={{ letterSpacing: '-0.01em', textWrap: 'balance', ...oneLine(heading) }}>
          <Runs runs={heading.runs} />
        </Text>
      ) : null}
      {heading && (closing || rest.length > 0) ? <AccentBar center /> : null}
      {rest.map((b, i) =>
        heading ? (
          <Text key={i} size={fit.size[`r${i}`]} lineHeight={TYPE.lead.lineHeight} before={i ? 0.5 : 0} color={theme.colors.body} style={{ maxWidth: '85%' }}>
            <Runs runs={b.runs} />
          </Text>
        ) : (
          <Text key={i} size={fit.size[`r${i}`]} lineHeight={big.lineHeight} weight={big.weight} before={i ? 0.2 : 0}>
            <Runs runs={b.runs} />
          </Text>
        ),
      )}
    </Frame>
  );
};
