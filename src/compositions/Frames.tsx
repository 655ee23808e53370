import React from 'react';
import { Freeze, useCurrentFrame } from 'remotion';
import { z } from 'zod';
import { talkPropsSchema } from './props.js';
import { Talk } from './Talk.js';

/**
 * Frame k of `Frames` is frame `frames[k]` of `Talk`. Rendering it captures exactly the talk's
 * distinct frames, once each, in one pass of one browser page: held frames are never captured
 * twice (Remotion itself screenshots every frame of a composition).
 */
export const framesPropsSchema = talkPropsSchema.extend({ frames: z.array(z.number().int().nonnegative()) });
export type FramesProps = z.infer<typeof framesPropsSchema>;

export const Frames: React.FC<FramesProps> = ({ frames, ...talk }) => {
  const k = useCurrentFrame();
  return (
    <Freeze frame={frames[Math.min(k, frames.length - 1)] ?? 0}>
      <Talk {...talk} />
    </Freeze>
  );
};
