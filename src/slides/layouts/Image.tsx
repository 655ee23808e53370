import React from 'react';
import { Img, useVideoConfig } from 'remotion';
import { AccentBar, Frame } from '../Frame.js';
import { Runs } from '../Runs.js';
import { scaled, theme } from '../theme.js';
import { blocksOf, headingOf, type LayoutProps } from './types.js';

/** A picture, as large as the safe area allows, with its heading if it has one. */
export const ImageLayout: React.FC<LayoutProps> = ({ slide }) => {
  const { height } = useVideoConfig();
  const heading = headingOf(slide);
  const images = blocksOf(slide, 'image');
  return (
    <Frame align="center">
      {heading ? (
        <>
          <div style={{ fontSize: scaled(theme.size.title, height), fontWeight: 800, lineHeight: 1.1 }}>
            <Runs runs={heading.runs} />
          </div>
          <AccentBar size={scaled(10, height)} center />
        </>
      ) : null}
      <div style={{ flex: 1, minHeight: 0, width: '100%', display: 'flex', gap: scaled(40, height), alignItems: 'center', justifyContent: 'center' }}>
        {images.map((img, i) =>
          img.src ? (
            <Img
              key={i}
              src={img.src}
              alt={img.alt}
              // Marp's w:/h: sizes are pixels of a 720-pixel-high slide.
              style={{ maxWidth: `${100 / images.length}%`, maxHeight: '100%', objectFit: 'contain', width: img.width ? Math.round((img.width * height) / 720) : undefined, height: img.height ? Math.round((img.height * height) / 720) : undefined }}
            />
          ) : (
            <div key={i} style={{ color: theme.colors.muted, fontSize: scaled(theme.size.small, height) }}>
              {img.alt || img.path}
            </div>
          ),
        )}
      </div>
    </Frame>
  );
};
