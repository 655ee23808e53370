import { Easing, interpolate } from 'remotion';
import { theme } from './theme.js';

/**
 * Style of an element that enters at `start` and takes `frames` frames to arrive (ease-out).
 * Before `start` it is invisible; from `start + frames` on it is exactly at rest, so that held
 * frames are identical.
 */
export function entrance(frame: number, start: number, frames: number, rise: number): { opacity: number; transform?: string } {
  if (frames <= 0 || frame >= start + frames) return { opacity: 1 };
  if (frame < start) return { opacity: 0 };
  const t = interpolate(frame, [start, start + frames], [0, 1], {
    easing: Easing.out(Easing.cubic),
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
  });
  return { opacity: t, transform: `translateY(${((1 - t) * rise).toFixed(2)}px)` };
}

export const riseFor = (height: number) => (theme.motion.rise * height) / 1080;
