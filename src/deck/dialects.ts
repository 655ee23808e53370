import type { Layout } from './model.js';

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
  'editor', 'seoMeta', 'notesAutoRuby', 'timer', 'glowSeed', 'css', 'hideInToc',
];
/** Slidev's per-slide options (also allowed in the headmatter, where they configure slide 1). */
export const SLIDEV_SLIDE = [
  'layout', 'class', 'background', 'backgroundSize', 'image', 'clicks', 'clicksStart', 'disabled', 'hide',
  'hideInToc', 'level', 'preload', 'routeAlias', 'src', 'zoom', 'dragPos', 'url', 'name', 'transition', 'title',
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
};
/** Slidev layouts talkreel cannot draw: the slide keeps a layout inferred from its content. */
export const SLIDEV_OTHER_LAYOUTS = ['full', 'none', 'iframe', 'iframe-left', 'iframe-right', 'two-cols', 'two-cols-header'];

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
