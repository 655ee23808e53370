import { easeOutCubic, progressAt } from '../timing/easing.js';

/**
 * Opacity of an element that fades in from `start` over `frames` frames (ease-out). Before
 * `start` it is invisible; from `start + frames` on it is exactly opaque, so held frames are
 * identical. Only opacity changes: every in-between frame is a blend of the frame before the
 * element appears and the frame after, which lets the renderer compute these frames instead of
 * capturing each one.
 */
export const entrance = (frame: number, start: number, frames: number): { opacity: number } => ({
  opacity: progressAt(frame, start, frames, easeOutCubic),
});
