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

/**
 * Loads the faces an element's text is drawn in (family, style, weight and size as computed, with
 * the characters each draws). Laying the element out asks for them too, but `document.fonts.ready`
 * can resolve before such a load has begun, on a busy machine: the element would then be measured
 * in a fallback face. `FontFaceSet.load` starts each load itself and waits for it.
 */
export function loadFacesOf(el: HTMLElement): Promise<unknown> {
  const texts = new Map<string, string>();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!node.parentElement || !text.trim()) continue;
    const s = getComputedStyle(node.parentElement);
    const font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    texts.set(font, (texts.get(font) ?? '') + text);
  }
  return Promise.all([...texts].map(([font, text]) => document.fonts.load(font, text)));
}
