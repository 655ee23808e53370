import React from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import type { Block, Run } from '../../deck/model.js';
import { useFitted, useTheme } from '../context.js';
import { entrance } from '../entrance.js';
import { AccentBar, Frame } from '../Frame.js';
import { blockText, bulletParts, figureOf, leftColumn } from '../geometry.js';
import { Runs, Text } from '../Runs.js';
import { SPACE, TYPE, scaled } from '../theme.js';
import type { LayoutProps } from './types.js';

type List = Extract<Block, { type: 'list' }>;

/**
 * A heading and lists whose items build one after another; one long list that does not fit in
 * a column is set in two. Paragraphs after the last list (such as a "Source:" line) are set
 * small at the bottom, so references stay visible without competing with the points.
 */
export const BulletsLayout: React.FC<LayoutProps> = ({ slide, builds, buildFrames }) => {
  const frame = useCurrentFrame();
  const { height } = useVideoConfig();
  const theme = useTheme();
  const fit = useFitted(slide);
  const { heading, main, footnotes } = bulletParts(slide);
  let n = 0;
  let first = true;
  const before = () => {
    const b = first ? 0 : 0.45;
    first = false;
    return b;
  };
  const listItem = (list: List, k: number, space: number) => {
    const at = builds[n] ?? 0;
    const size = fit.size[`i${n++}`];
    return (
      <Text key={`${list.line}.${k}`} size={size} lineHeight={TYPE.body.lineHeight} before={space} color={theme.colors.body} style={{ display: 'flex', alignItems: 'baseline', ...entrance(frame, at, buildFrames) }}>
        <span style={{ flex: `0 0 ${size * 1.1}px`, color: theme.colors.accent, fontWeight: 700 }}>
          {list.ordered ? (
            `${list.start + k}.`
          ) : (
            <span style={{ display: 'inline-block', width: size * 0.32, height: size * 0.32, background: theme.colors.accent, borderRadius: size * 0.06, transform: `translateY(-${size * 0.1}px)` }} />
          )}
        </span>
        <span style={{ flex: 1, minWidth: 0 }}>
          <Item runs={list.items[k]} accent={theme.colors.accent} />
        </span>
      </Text>
    );
  };

  let body: React.ReactNode;
  if (fit.columns === 2) {
    const list = main[0] as List;
    const split = leftColumn(list.items.length);
    const column = (from: number, to: number) => (
      <div style={{ flex: '1 1 0', minWidth: 0 }}>{Array.from({ length: to - from }, (_, j) => listItem(list, from + j, j === 0 ? 0 : 0.45))}</div>
    );
    body = (
      <div style={{ display: 'flex', gap: scaled(SPACE.l, height), alignItems: 'flex-start', flexShrink: 0 }}>
        {column(0, split)}
        {column(split, list.items.length)}
      </div>
    );
  } else {
    body = main.map((b, i) => {
      if (b.type === 'list') return b.items.map((_, k) => listItem(b, k, before()));
      return (
        <Text key={i} size={fit.size[`b${i}`]} lineHeight={TYPE.body.lineHeight} before={before()} color={theme.colors.body} style={b.type === 'code' ? { fontFamily: theme.font.mono } : undefined}>
          {b.type === 'paragraph' || b.type === 'heading' ? <Runs runs={b.runs} /> : blockText(b)}
        </Text>
      );
    });
  }

  return (
    <Frame>
      {heading ? (
        <>
          <Text size={fit.size.head} lineHeight={TYPE.title.lineHeight} weight={TYPE.title.weight} style={{ letterSpacing: '-0.01em', textWrap: 'balance' }}>
            <Runs runs={heading.runs} />
          </Text>
          <AccentBar />
        </>
      ) : null}
      {body}
      {footnotes.map((b, i) => (
        <Text key={`f${i}`} size={fit.size[`f${i}`]} lineHeight={TYPE.small.lineHeight} before={i === 0 ? 0.8 : 0} color={theme.colors.muted}>
          {b.type === 'paragraph' ? <Runs runs={b.runs} /> : blockText(b)}
        </Text>
      ))}
    </Frame>
  );
};

/** A list item; a leading figure is set bold in the accent colour. */
const Item: React.FC<{ runs: Run[]; accent: string }> = ({ runs, accent }) => {
  const figure = figureOf(runs);
  if (!figure) return <Runs runs={runs} />;
  return (
    <>
      <span style={{ color: accent, fontWeight: 700 }}>{figure.figure}</span>
      <Runs runs={figure.rest} />
    </>
  );
};
