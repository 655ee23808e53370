import React from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import { plainText } from '../../deck/markdown.js';
import type { Block } from '../../deck/model.js';
import { entrance } from '../entrance.js';
import { fitFontSize } from '../fit.js';
import { AccentBar, Frame } from '../Frame.js';
import { Runs } from '../Runs.js';
import { scaled, theme } from '../theme.js';
import { headingOf, type LayoutProps } from './types.js';

/**
 * A heading and lists whose items build one after another. Paragraphs after the last list (such
 * as a "Source:" line) are set small at the bottom, so references stay visible without
 * competing with the points.
 */
export const BulletsLayout: React.FC<LayoutProps> = ({ slide, builds, buildFrames }) => {
  const frame = useCurrentFrame();
  const { width, height } = useVideoConfig();
  const heading = headingOf(slide);
  const body = slide.blocks.filter((b) => b !== heading);
  const lastList = body.map((b) => b.type).lastIndexOf('list');
  const main = body.slice(0, lastList + 1);
  const footnotes = body.slice(lastList + 1);
  const inner = width * (1 - 2 * theme.safe.x);
  const headSize = scaled(theme.size.title, height);
  const small = scaled(theme.size.small, height);
  const footLines = footnotes.reduce((n, b) => n + (b.type === 'paragraph' ? plainText(b.runs).split('\n').length : 1), 0);
  const available = height * (1 - 2 * theme.safe.y) - (heading ? headSize * 1.15 + scaled(48, height) : 0) - footLines * small * 1.4 - (footLines ? small : 0);
  const texts = main.flatMap((b) => (b.type === 'list' ? b.items.map(plainText) : [textOf(b)]));
  const size = fitFontSize(texts, { width: inner - scaled(60, height), height: available },
    [58, 54, 50, 47, 45, 42, 38, 34, 30].map((s) => scaled(s, height)));
  let item = 0;

  return (
    <Frame>
      {heading ? (
        <>
          <div style={{ fontSize: headSize, fontWeight: 800, lineHeight: 1.1, letterSpacing: '-0.01em' }}>
            <Runs runs={heading.runs} />
          </div>
          <AccentBar size={scaled(10, height)} />
        </>
      ) : null}
      <div style={{ flexShrink: 1, minHeight: 0 }}>
        {main.map((b, i) => {
          if (b.type !== 'list') {
            return (
              <div key={i} style={{ fontSize: size, lineHeight: 1.3, color: theme.colors.body, marginBottom: size * 0.45 }}>
                {b.type === 'paragraph' || b.type === 'heading' ? <Runs runs={b.runs} /> : textOf(b)}
              </div>
            );
          }
          return (
            <div key={i}>
              {b.items.map((runs, k) => {
                const at = builds[item++] ?? 0;
                const marker = b.ordered ? `${b.start + k}.` : null;
                return (
                  <div key={k} style={{ display: 'flex', alignItems: 'baseline', fontSize: size, lineHeight: 1.3, marginBottom: size * 0.45, color: theme.colors.body, ...entrance(frame, at, buildFrames) }}>
                    <span style={{ flex: `0 0 ${size * 1.1}px`, color: theme.colors.accent, fontWeight: 700 }}>
                      {marker ?? <span style={{ display: 'inline-block', width: size * 0.32, height: size * 0.32, background: theme.colors.accent, borderRadius: size * 0.06, transform: `translateY(-${size * 0.1}px)` }} />}
                    </span>
                    <span style={{ flex: 1, minWidth: 0 }}>
                      <Runs runs={runs} />
                    </span>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      {footnotes.map((b, i) => (
        <div key={`f${i}`} style={{ fontSize: small, lineHeight: 1.4, color: theme.colors.muted, marginTop: i ? 0 : small }}>
          {b.type === 'paragraph' ? <Runs runs={b.runs} /> : textOf(b)}
        </div>
      ))}
    </Frame>
  );
};

function textOf(b: Block): string {
  if (b.type === 'code') return b.value;
  if (b.type === 'paragraph' || b.type === 'heading') return plainText(b.runs);
  if (b.type === 'quote') return b.paragraphs.map(plainText).join('\n');
  return '';
}
