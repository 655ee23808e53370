import { isMap, isScalar, parseDocument } from 'yaml';
import { LAYOUTS, type Layout } from './model.js';
import type { YamlBlock } from './split.js';

/**
 * What Marp and Slidev decks may say, so that their decks parse unedited: every key either maps
 * onto talkreel's model or is a warning naming its line. A key none of the three tools knows
 * stays an error.
 */

/** Marp's global directives (front matter or comments), plus marp-core's and Marp CLI's. */
export const MARP_GLOBAL = ['marp', 'theme', 'style', 'headingDivider', 'lang', 'math', 'size', 'description', 'keywords', 'url', 'image'];
/** Marp's local directives: `key` applies from its slide on, `_key` to its slide only. */
export const MARP_LOCAL = [
  'paginate', 'header', 'footer', 'class', 'color', 'backgroundColor',
  'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize',
];

/** Slidev's headmatter (deck-wide) options. */
export const SLIDEV_DECK = [
  'theme', 'addons', 'titleTemplate', 'info', 'keywords', 'presenter', 'browserExporter', 'download',
  'exportFilename', 'export', 'highlighter', 'twoslash', 'lineNumbers', 'monaco', 'monacoTypesSource',
  'monacoTypesAdditionalPackages', 'monacoRunAdditionalDeps', 'remoteAssets', 'selectable', 'record',
  'contextMenu', 'wakeLock', 'photoSnapshot', 'colorSchema', 'routerMode', 'aspectRatio', 'canvasWidth',
  'themeConfig', 'favicon', 'plantUmlServer', 'fonts', 'defaults', 'drawings', 'htmlAttrs', 'mdc',
  'editor', 'seoMeta', 'notesAutoRuby', 'timer', 'glowSeed', 'css', 'hideInToc', 'codeCopy', 'magicMoveCopy',
  'remote', 'comark', 'mcp', 'pwa', 'monacoTypesIgnorePackages', 'monacoRunUseStrict', 'magicMoveDuration',
  'clickAnimation', 'preloadImages', 'author', 'duration',
];
/** Slidev's per-slide options (also allowed in the headmatter, where they configure slide 1). */
export const SLIDEV_SLIDE = [
  'layout', 'class', 'background', 'backgroundSize', 'image', 'clicks', 'clicksStart', 'disabled', 'hide',
  'hideInToc', 'level', 'preload', 'routeAlias', 'src', 'zoom', 'dragPos', 'url', 'name', 'transition', 'title',
  'layoutClass', 'clickAnimation', 'imageClass', 'comark', 'mdc', 'persist',
];

/** Slidev layouts and the talkreel layout each becomes; `infer` = from the slide's content. */
export const SLIDEV_LAYOUTS: Record<string, Layout | 'infer'> = {
  cover: 'title',
  intro: 'title',
  default: 'infer',
  center: 'statement',
  section: 'statement',
  statement: 'statement',
  fact: 'statement',
  quote: 'quote',
  image: 'image',
  'image-left': 'infer',
  'image-right': 'infer',
  end: 'closing',
  'two-cols': 'columns',
  'two-cols-header': 'columns',
};
/** Slidev layouts talkreel cannot draw: the slide keeps a layout inferred from its content. */
export const SLIDEV_OTHER_LAYOUTS = ['full', 'none', 'iframe', 'iframe-left', 'iframe-right'];

/** Slidev transition names and the talkreel transition each becomes. */
export const SLIDEV_TRANSITIONS: Record<string, 'fade' | 'slide' | 'none'> = {
  fade: 'fade',
  'fade-out': 'fade',
  'slide-left': 'slide',
  'slide-right': 'slide',
  'slide-up': 'slide',
  'slide-down': 'slide',
  'view-transition': 'fade',
  none: 'none',
};

/** Classes (Marp's `class`, Slidev's `class`) that centre a slide: it becomes a statement. */
export const CENTRE_CLASSES = ['lead', 'text-center'];
/** Classes talkreel already looks like (it is dark): accepted silently. */
export const QUIET_CLASSES = ['invert', 'dark'];

/** Keys only Marp uses: any of them in the front matter makes the deck a Marp deck. */
export const MARP_ONLY = ['marp', 'headingDivider', 'paginate', 'header', 'footer', 'backgroundColor', 'backgroundImage', 'color', 'size', 'math', 'style', 'description'];

const TALKREEL_LAYOUTS = new Set<string>(LAYOUTS);

/** Options talkreel's own decks take; the same keys in a Slidev deck are read as talkreel reads them. */
const TALKREEL_KEYS = new Set([
  'title', 'author', 'event', 'date', 'fps', 'resolution', 'duration', 'transition', 'theme', 'accent', 'logo',
  'paginate', 'poster', 'audio', 'layout', 'chapter', 'at',
]);

/**
 * Which tool a deck is written for. `marp`: its front matter says `marp: true` or uses a Marp-only
 * directive. `slidev`: a front matter block uses an option only Slidev knows (`theme: seriph`,
 * `layout: two-cols`, `highlighter`, `mdc`, ...). Otherwise it is talkreel's own deck, where an
 * unknown option is an error (it catches typos); Marp and Slidev accept any key, so in their
 * decks an unknown key is a warning.
 */
export type Dialect = 'talkreel' | 'marp' | 'slidev';

export function detectDialect(head: YamlBlock | null, slides: (YamlBlock | null)[]): Dialect {
  const headKeys = keysOf(head);
  if (headKeys.some(([k, v]) => MARP_ONLY.includes(k) && (k !== 'marp' || v === true))) return 'marp';
  const slidevOnly = ([k, v]: [string, unknown]) => {
    if (k === 'theme') return v !== 'dark' && v !== 'light';
    if (k === 'layout') return typeof v === 'string' && !TALKREEL_LAYOUTS.has(v) && (v in SLIDEV_LAYOUTS || SLIDEV_OTHER_LAYOUTS.includes(v));
    if (k === 'transition') return typeof v === 'string' && v.split('|')[0].trim() in SLIDEV_TRANSITIONS && !['fade', 'none'].includes(v);
    return !TALKREEL_KEYS.has(k) && (SLIDEV_DECK.includes(k) || SLIDEV_SLIDE.includes(k));
  };
  return [head, ...slides].some((block) => keysOf(block).some(slidevOnly)) ? 'slidev' : 'talkreel';
}

/** The top-level keys and values of a YAML block; none when it is not a readable map. */
function keysOf(block: YamlBlock | null): [string, unknown][] {
  if (!block) return [];
  const doc = parseDocument(block.text, { schema: 'core', prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  return doc.contents.items.map((pair) => [isScalar(pair.key) ? String(pair.key.value) : '', isScalar(pair.value) ? pair.value.value : null]);
}
