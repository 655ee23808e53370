import { loadFont } from '@remotion/fonts';
import { useEffect, useRef, useState } from 'react';
import { continueRender, delayRender } from 'remotion';
import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2';
import inter400i from '@fontsource/inter/files/inter-latin-400-italic.woff2';
import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2';

/**
 * Inter ships with talkreel (from @fontsource/inter) and is bundled with the compositions, so a
 * render never asks the network for a font. Slides are drawn only once the faces are loaded:
 * layouts measure their text to fit it, and a measurement in a fallback font would be wrong.
 */
const faces = [
  { url: inter400, weight: '400', style: 'normal' },
  { url: inter400i, weight: '400', style: 'italic' },
  { url: inter600, weight: '600', style: 'normal' },
  { url: inter700, weight: '700', style: 'normal' },
  { url: inter800, weight: '800', style: 'normal' },
];

let loaded = false;
let loading: Promise<void> | null = null;

function loadFaces(): Promise<void> {
  loading ??= Promise.all(faces.map((f) => loadFont({ family: 'Inter', format: 'woff2', ...f }))).then(() => {
    loaded = true;
  });
  return loading;
}

export function ensureFonts(): void {
  if (loading) return;
  const handle = delayRender('Loading the Inter font');
  loadFaces()
    .then(() => continueRender(handle))
    .catch((err) => {
      // A missing font must fail the render rather than silently fall back to another face.
      throw err;
    });
}

/** True once Inter is loaded; until then the frame waits (delayRender) for the re-render. */
export function useFontsReady(): boolean {
  const [ready, setReady] = useState(loaded);
  const handle = useRef<number | null>(null);
  if (!ready && handle.current === null) handle.current = delayRender('Measuring text in Inter');
  useEffect(() => {
    const release = () => {
      if (handle.current !== null) continueRender(handle.current);
      handle.current = null;
    };
    if (ready) {
      release();
      return;
    }
    let live = true;
    loadFaces().then(() => live && setReady(true));
    return () => {
      live = false;
      if (!loaded) release();
    };
  }, [ready]);
  return ready;
}
