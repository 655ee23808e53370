import { useEffect, useRef, useState } from 'react';
import { cancelRender, continueRender, delayRender } from 'remotion';

/**
 * Holds the frame until something drawn in the page is ready (a formula measured, a diagram
 * laid out): a delayRender named after the slide, with a timeout that says what was waited for.
 * `done` releases it once, whichever comes first, done or unmount.
 */
export function useHold(label: string, timeoutMs: number): { done: () => void } {
  const [handle] = useState(() => delayRender(label, { timeoutInMilliseconds: timeoutMs }));
  const released = useRef(false);
  const done = useRef(() => {
    if (released.current) return;
    released.current = true;
    continueRender(handle);
  }).current;
  useEffect(() => done, [done]);
  return { done };
}

/** Fails the render with what could not be loaded, named after the slide (an error the page cannot recover from). */
export const failRender = (label: string) => (err: unknown) => cancelRender(new Error(`${label}: ${err instanceof Error ? err.message : String(err)}`));
