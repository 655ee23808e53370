/**
 * The easing curves of every animation in a talk, written out so that the compositions (which
 * animate with them) and the renderer (which computes blended frames with them) agree exactly.
 * They are Remotion's `Easing.cubic`, `Easing.out(Easing.cubic)` and `Easing.inOut(Easing.cubic)`.
 */
const cubic = (t: number) => t * t * t;
export const easeOutCubic = (t: number) => 1 - cubic(1 - t);
export const easeInOutCubic = (t: number) => (t < 0.5 ? cubic(t * 2) / 2 : 1 - cubic((1 - t) * 2) / 2);

/** Progress (0 to 1) of an animation of `length` frames starting at `start`, at `frame`. */
export function progressAt(frame: number, start: number, length: number, easing: (t: number) => number): number {
  if (length <= 0 || frame >= start + length) return 1;
  if (frame <= start) return 0;
  return easing((frame - start) / length);
}
