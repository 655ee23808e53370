import { loadFont } from '@remotion/fonts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { continueRender, delayRender } from 'remotion';
import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2';
import inter400i from '@fontsource/inter/files/inter-latin-400-italic.woff2';
import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2';
import mono400 from '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff2';
import mono400i from '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-italic.woff2';
import mono700 from '@fontsource/dejavu-mono/files/dejavu-mono-latin-700-normal.woff2';
import sans400 from '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff2';
import sans400i from '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-italic.woff2';
import sans700 from '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff2';
// The whole Noto Color Emoji in one face: the package's faces split by unicode range draw nothing
// for emoji outside their own range (seen here: 🚀 in a range face is an empty box).
import emoji400 from '@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff2';
import type { Deck } from '../deck/model.js';
import { fontNeeds } from '../slides/font-needs.js';

/**
 * The fonts ship with talkreel (from @fontsource packages) and are bundled with the compositions,
 * so a render never asks the network for a font. Slides are drawn only once the faces they use
 * are loaded: layouts measure their text to fit it, and a measurement in a fallback font would be
 * wrong. Inter is always loaded; DejaVu Sans Mono (code), DejaVu Sans (symbols and scripts Inter
 * lacks) and Noto Color Emoji only for decks that use them.
 */
type Face = { family: string; url: string; weight: string; style: string };
const face = (family: string, url: string, weight = '400', style = 'normal'): Face => ({ family, url, weight, style });

const INTER = [face('Inter', inter400), face('Inter', inter400i, '400', 'italic'), face('Inter', inter600, '600'), face('Inter', inter700, '700'), face('Inter', inter800, '800')];
const MONO = [face('DejaVu Sans Mono', mono400), face('DejaVu Sans Mono', mono400i, '400', 'italic'), face('DejaVu Sans Mono', mono700, '700')];
const EMOJI = [face('Noto Color Emoji', emoji400)];
const SYMBOLS = [face('DejaVu Sans', sans400), face('DejaVu Sans', sans400i, '400', 'italic'), face('DejaVu Sans', sans700, '700')];

/** One load per face set, shared by every composition of the page. */
const loads = new Map<string, Promise<void>>();
const settled = new Set<string>();

function load(key: string, faces: Face[]): Promise<void> {
  let promise = loads.get(key);
  if (!promise) {
    promise = Promise.all(faces.map((f) => loadFont({ format: 'woff2', ...f }))).then(() => {
      settled.add(key);
    });
    loads.set(key, promise);
  }
  return promise;
}

function facesFor(deck: Deck | null): { key: string; faces: Face[] } {
  const needs = deck ? fontNeeds(deck) : { mono: false, symbols: false, emoji: '' };
  const faces = [...INTER, ...(needs.mono ? MONO : []), ...(needs.symbols ? SYMBOLS : []), ...(needs.emoji ? EMOJI : [])];
  return { key: `${needs.mono}:${needs.symbols}:${needs.emoji !== ''}`, faces };
}

/** Starts loading Inter as soon as the bundle runs, and holds the first frame until it is in. */
export function ensureFonts(): void {
  const { key, faces } = facesFor(null);
  if (loads.has(key)) return;
  const handle = delayRender('Loading the Inter font');
  load(key, faces)
    .then(() => continueRender(handle))
    .catch((err) => {
      // A missing font must fail the render rather than silently fall back to another face.
      throw err;
    });
}

/** True once the deck's faces are loaded; until then the frame waits (delayRender) for the re-render. */
export function useFontsReady(deck: Deck): boolean {
  const want = useMemo(() => facesFor(deck), [deck]);
  const [readyKey, setReadyKey] = useState<string | null>(() => (settled.has(want.key) ? want.key : null));
  const handle = useRef<number | null>(null);
  const ready = readyKey === want.key && settled.has(want.key);
  if (!ready && handle.current === null) handle.current = delayRender(`Loading the fonts of "${deck.title}"`);
  useEffect(() => {
    const release = () => {
      if (handle.current !== null) continueRender(handle.current);
      handle.current = null;
    };
    if (settled.has(want.key)) {
      if (readyKey !== want.key) setReadyKey(want.key);
      else release();
      return;
    }
    let live = true;
    load(want.key, want.faces).then(() => live && setReadyKey(want.key));
    return () => {
      live = false;
      if (!settled.has(want.key)) release();
    };
  }, [want, readyKey]);
  return ready;
}
