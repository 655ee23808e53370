import React from 'react';
import { Img, useVideoConfig } from 'remotion';
import type { Block } from '../../deck/model.js';
import { useFitted, useTheme } from '../context.js';
import { AccentBar, Frame } from '../Frame.js';
import { headingOf } from '../geometry.js';
import { oneLine, Runs, Text } from '../Runs.js';
import { SPACE, TYPE, scaled } from '../theme.js';
import type { LayoutProps } from './types.js';

/**
 * A picture, as large as the content area allows, with its heading if it has one. In the light
 * theme pictures sit on a dark rounded panel: the talk's artwork is drawn for a dark background.
 */
export const ImageLayout: React.FC<LayoutProps> = ({ slide }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const fit = useFitted(slide);
  const heading = headingOf(slide);
  const images = slide.blocks.filter((b): b is Extract<Block, { type: 'image' }> => b.type === 'image');
  const panel = theme.name === 'light';
  return (
    <Frame align="center">
      {heading ? (
        <>
          <Text size={fit.size.head} lineHeight={TYPE.title.lineHeight} weight={TYPE.title.weight} style={oneLine(heading)}>
            <Runs runs={heading.runs} />
          </Text>
          <AccentBar center />
        </>
      ) : null}
      <div style={{ flex: 1, minHeight: 0, width: '100%', display: 'flex', gap: scaled(SPACE.m, height), alignItems: 'center', justifyContent: 'center' }}>
        {images.map((img, i) =>
          img.src ? (
            <Img
              key={i}
              src={img.src}
              alt={img.alt}
              // Marp's w:/h: sizes are pixels of a 720-pixel-high slide.
              style={{
                maxWidth: `${100 / images.length}%`,
                maxHeight: '100%',
                minHeight: 0,
                objectFit: 'contain',
                width: img.width ? Math.round((img.width * height) / 720) : undefined,
                height: img.height ? Math.round((img.height * height) / 720) : undefined,
                ...(panel ? { background: theme.colors.imagePanel, borderRadius: scaled(SPACE.s, height), padding: scaled(SPACE.m, height), boxSizing: 'border-box' } : {}),
              }}
            />
          ) : (
            <div key={i} style={{ color: theme.colors.muted, fontSize: scaled(TYPE.small.max, height) }}>
              {img.alt || img.path}
            </div>
          ),
        )}
      </div>
    </Frame>
  );
};
