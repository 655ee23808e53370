import type { MermaidConfig } from 'mermaid';
import { staticFile } from 'remotion';
import { FONT, type Theme } from './theme.js';
import { MERMAID_SCRIPT } from './mermaid-script.js';

type Mermaid = typeof import('mermaid').default;

/**
 * mermaid in the page. Its script is loaded when the first diagram of the page is drawn, so a
 * deck without diagrams never loads it. Drawing is made repeatable:
 * ids come from a fixed seed (`deterministicIds`), each diagram gets an id from its source, and
 * `Math.random` (which some diagrams use for their own ids, changing label widths) is seeded from
 * the source while mermaid draws; diagrams are drawn one at a time so those stretches never
 * overlap. Each drawing is kept for the page: slides mount again for every stretch of frames.
 */
export interface DrawnDiagram {
  /** mermaid's SVG, sized to fill whatever box it is put in, its aspect ratio kept. */
  svg: string;
  width: number;
  height: number;
}

let loading: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();
const drawings = new Map<string, Promise<DrawnDiagram>>();

export function drawDiagram(code: string, theme: Theme): Promise<DrawnDiagram> {
  const key = `${theme.name} ${theme.colors.accent}\n${code}`;
  let drawing = drawings.get(key);
  if (!drawing) {
    drawing = queue.then(() => drawOne(code, theme, `talkreel-diagram-${hash(key).toString(36)}`));
    queue = drawing.catch(() => undefined);
    drawings.set(key, drawing);
  }
  return drawing;
}

async function drawOne(code: string, theme: Theme, id: string): Promise<DrawnDiagram> {
  loading ??= loadScript(staticFile(MERMAID_SCRIPT)).then(() => (window as unknown as { mermaid: Mermaid }).mermaid);
  const mermaid = await loading;
  mermaid.initialize(mermaidConfig(theme));
  // Loads the diagram type's code first, so that drawing goes straight to parsing, where a
  // diagram draws its random ids, with no wait in between for other code to take seeded numbers.
  await mermaid.parse(code);
  const random = Math.random;
  Math.random = seeded(hash(code));
  try {
    const { svg } = await mermaid.render(id, code);
    return fill(svg);
  } finally {
    Math.random = random;
  }
}

/**
 * The SVG without mermaid's `max-width`, filling its box; its size from its viewBox. Read as HTML
 * (as the page will read it): labels hold HTML such as `<br>`, which is not XML.
 */
function fill(svg: string): DrawnDiagram {
  const root = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
  const [, , width, height] = (root?.getAttribute('viewBox') ?? '0 0 0 0').split(/[\s,]+/).map(Number);
  if (!root || !(width > 0 && height > 0)) throw new Error('mermaid drew a diagram with no size');
  root.style.removeProperty('max-width');
  root.setAttribute('width', '100%');
  root.setAttribute('height', '100%');
  keepToItself(root);
  return { svg: root.outerHTML, width, height };
}

/**
 * Leaves out whatever would load something from elsewhere: mermaid's sanitising keeps pictures
 * (`<img src>` in a label) and links, and a `style`/`classDef` may name a `url(...)`. A video
 * shows a diagram by itself; references inside the SVG (`#id`, as markers use) stay.
 */
function keepToItself(root: Element): void {
  for (const el of root.querySelectorAll('img, image, video, audio, iframe, object, embed, link')) el.remove();
  for (const el of root.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      if ((/^(src|srcset|href|xlink:href|action|formaction|poster|background)$/i.test(name) || /^on/i.test(name)) && !value.trim().startsWith('#')) el.removeAttribute(name);
    }
    const style = el.getAttribute('style');
    if (style !== null) el.setAttribute('style', localCss(style));
  }
  for (const sheet of root.querySelectorAll('style')) sheet.textContent = localCss(sheet.textContent ?? '');
}

/** CSS without `@import` and with `url(...)` only for references inside the document. */
const localCss = (css: string) => css.replace(/@import[^;]*;?/gi, '').replace(/url\(\s*(?!['"]?#)[^)]*\)/gi, 'none');

/**
 * mermaid's `base` theme with talkreel's palette: nodes on the panel colour framed in the accent,
 * lines and borders muted, text in the theme's text colours, labels on lines on the background
 * (mermaid's own default there is a box of another colour), Inter (and its fallbacks) for text.
 */
export function mermaidConfig(theme: Theme): MermaidConfig {
  const c = theme.colors;
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    deterministicIds: true,
    deterministicIDSeed: 'talkreel',
    logLevel: 'fatal',
    theme: 'base',
    fontFamily: FONT.family,
    themeVariables: {
      darkMode: theme.name === 'dark',
      fontFamily: FONT.family,
      fontSize: '16px',
      background: c.background,
      primaryColor: c.panel,
      primaryTextColor: c.text,
      primaryBorderColor: c.accent,
      secondaryColor: c.panel,
      secondaryTextColor: c.text,
      secondaryBorderColor: c.muted,
      tertiaryColor: c.background,
      tertiaryTextColor: c.text,
      tertiaryBorderColor: c.muted,
      lineColor: c.muted,
      textColor: c.body,
      mainBkg: c.panel,
      nodeBorder: c.accent,
      clusterBkg: c.background,
      clusterBorder: c.muted,
      titleColor: c.text,
      edgeLabelBackground: c.background,
      noteBkgColor: c.panel,
      noteTextColor: c.text,
      noteBorderColor: c.muted,
      actorBkg: c.panel,
      actorBorder: c.accent,
      actorTextColor: c.text,
      actorLineColor: c.muted,
      signalColor: c.body,
      signalTextColor: c.body,
      labelBoxBkgColor: c.panel,
      labelBoxBorderColor: c.muted,
      labelTextColor: c.text,
      // Pie slices in the theme's four colours that stand apart (mermaid's own derive from the
      // node colour, which would make them all alike), labelled in the background colour.
      pie1: c.accent,
      pie2: c.link,
      pie3: c.muted,
      pie4: c.body,
      pieSectionTextColor: c.background,
      pieStrokeColor: c.background,
      pieOuterStrokeColor: c.background,
      pieTitleTextColor: c.text,
      pieLegendTextColor: c.body,
      pieOpacity: '1',
      // Flat, as the rest of the slide: no shadows or gradients under nodes.
      dropShadow: '',
      useGradient: false,
    },
  };
}

/** FNV-1a: a number from a diagram's source, for its id and its random numbers. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: the same numbers in the same order for the same seed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs a script of the bundle's public files in the page (it sets `window.mermaid`). */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}
