import { loadFont } from '@remotion/fonts';
import { continueRender, delayRender } from 'remotion';
import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2';
import inter400i from '@fontsource/inter/files/inter-latin-400-italic.woff2';
import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2';

/**
 * Inter ships with talkreel (from @fontsource/inter) and is bundled with the compositions, so a
 * render never asks the network for a font. Every frame waits until the faces are loaded.
 */
const faces = [
  { url: inter400, weight: '400', style: 'normal' },
  { url: inter400i, weight: '400', style: 'italic' },
  { url: inter600, weight: '600', style: 'normal' },
  { url: inter700, weight: '700', style: 'normal' },
  { url: inter800, weight: '800', style: 'normal' },
];

let loaded = false;
export function ensureFonts(): void {
  if (loaded) return;
  loaded = true;
  const handle = delayRender('Loading the Inter font');
  Promise.all(faces.map((f) => loadFont({ family: 'Inter', format: 'woff2', ...f })))
    .then(() => continueRender(handle))
    .catch((err) => {
      // A missing font must fail the render rather than silently fall back to another face.
      throw err;
    });
}
