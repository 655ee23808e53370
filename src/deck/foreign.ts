import { CENTRE_CLASSES, QUIET_CLASSES, SLIDEV_LAYOUTS, SLIDEV_OTHER_LAYOUTS, SLIDEV_TRANSITIONS } from './dialects.js';
import type { OptionEntry } from './marp.js';
import { isCssColor } from './color.js';
import { LAYOUTS, type Block, type Diagnostic, type Layout, type SlideStyle, type TransitionName } from './model.js';

type Problem = Omit<Diagnostic, 'file'> & { file?: string };
type ImageBlock = Extract<Block, { type: 'image' }>;

/** What Marp directives and Slidev options make of one slide. */
export interface SlideExtras {
  /** A layout named with Slidev's or talkreel's name; `infer` = from the content. */
  layout?: Layout | 'infer';
  /** `class: lead` (Marp) or `class: text-center` (Slidev): a centred statement. */
  centre?: boolean;
  style: SlideStyle;
  /** Pictures named by options (`image:`, `background:`), placed like Marp's `![bg]`. */
  images: ImageBlock[];
  transition?: TransitionName;
  /** Slidev's `hide: true` / `disabled: true`: the slide is not shown. */
  hidden?: boolean;
  /** Slidev's `zoom: 0.8`: the slide's content is set that much smaller (or larger). */
  zoom?: number;
  /** Slidev's `clicks: N`: the slide plays this many clicks, whatever its sources count. */
  clicks?: number;
  /** Slidev's `two-cols-header`: a `columns` slide whose default slot is the header above both columns. */
  columnsHeader?: boolean;
}

export const emptyExtras = (): SlideExtras => ({ style: {}, images: [] });

/** Options that change nothing a video shows (navigation, export, editor): accepted silently. */
const SILENT = new Set([
  'marp', 'lang', 'description', 'keywords', 'url', 'info', 'download', 'exportFilename', 'export',
  'browserExporter', 'presenter', 'record', 'contextMenu', 'wakeLock', 'photoSnapshot', 'routerMode',
  'favicon', 'seoMeta', 'editor', 'remoteAssets', 'selectable', 'monaco', 'monacoTypesSource',
  'monacoTypesAdditionalPackages', 'monacoRunAdditionalDeps', 'titleTemplate', 'notesAutoRuby', 'timer',
  'htmlAttrs', 'mdc', 'plantUmlServer', 'twoslash', 'glowSeed', 'drawings', 'hideInToc', 'routeAlias',
  'preload', 'level', 'name', 'clicksStart', 'author', 'title', 'comark', 'layoutClass', 'imageClass',
  'codeCopy', 'magicMoveCopy', 'remote', 'mcp', 'pwa', 'monacoTypesIgnorePackages', 'monacoRunUseStrict',
  'preloadImages', 'persist', 'dragPos', 'clickAnimation', 'magicMoveDuration',
]);

const NOTES: Record<string, string> = {
  theme: 'talkreel draws its own `theme: dark` or `theme: light`',
  headingDivider: 'only `headingDivider` in the front matter splits slides',
  style: 'CSS is never applied',
  css: 'CSS is never applied',
};

export interface ApplyContext {
  tool: 'Marp' | 'Slidev';
  /**
   * A Marp or Slidev deck: their tools take any value (a theme's own layout, a theme's colour
   * name), so a value talkreel cannot use is a warning; in talkreel's own decks, an error.
   */
  lenient?: boolean;
  /** Warnings are given once per entry even when a Marp directive applies to many slides. */
  warned: WeakSet<OptionEntry>;
  problems: Problem[];
}

/** Applies Marp directives or Slidev options to a slide's extras; problems go to `ctx`. */
export function applyEntries(entries: OptionEntry[], extras: SlideExtras, ctx: ApplyContext): void {
  const say = (e: OptionEntry, severity: Problem['severity'], code: string, message: string, atValue = false) => {
    if (ctx.warned.has(e)) return;
    ctx.warned.add(e);
    ctx.problems.push({ severity, code, message, line: atValue ? e.valueLine : e.line, column: atValue ? e.valueColumn : e.column, ...(e.file ? { file: e.file } : {}) });
  };
  const unsupported = (e: OptionEntry, why: string) =>
    say(e, 'warning', 'unsupported-option', `${ctx.tool} ${ctx.tool === 'Marp' ? 'directive' : 'option'} \`${e.key}\` is not applied: ${why}`);
  const color = (e: OptionEntry): string | undefined => {
    const v = String(e.value ?? '').trim();
    if (isCssColor(v)) return v;
    if (ctx.lenient) unsupported(e, `${JSON.stringify(e.value)} is not a CSS colour talkreel knows`);
    else say(e, 'error', 'invalid-option', `\`${e.key}\` must be a CSS colour (#hex, rgb(), hsl() or a colour name), got ${JSON.stringify(e.value)}`, true);
    return undefined;
  };
  const picture = (e: OptionEntry, placement: ImageBlock['placement']) => {
    const path = String(e.value ?? '').trim();
    const block: ImageBlock = { type: 'image', path, src: '', alt: '', line: e.valueLine, column: e.valueColumn };
    if (placement) block.placement = placement;
    extras.images.push(block);
  };
  // The layout first: it says where `image:` goes.
  const ordered = [...entries].sort((a, b) => Number(b.key === 'layout') - Number(a.key === 'layout'));
  let side: 'left' | 'right' | undefined;
  for (const e of ordered) {
    const key = e.key.replace(/^[_$]/, '');
    const text = typeof e.value === 'string' ? e.value.trim() : String(e.value ?? '');
    switch (key) {
      case 'layout':
        if ((LAYOUTS as readonly string[]).includes(text)) extras.layout = text as Layout;
        else if (text in SLIDEV_LAYOUTS) {
          extras.layout = SLIDEV_LAYOUTS[text];
          if (text === 'image-left' || text === 'image-right') side = text === 'image-left' ? 'left' : 'right';
          if (text === 'two-cols-header') extras.columnsHeader = true;
        } else if (SLIDEV_OTHER_LAYOUTS.includes(text)) {
          extras.layout = 'infer';
          say(e, 'warning', 'unsupported-layout', `Slidev layout \`${text}\` is not drawn; the slide gets a layout from its content`, true);
        } else {
          if (ctx.lenient) {
            extras.layout = 'infer';
            say(e, 'warning', 'unsupported-layout', `layout \`${text}\` is not one of ${ctx.tool}'s own (a theme's?) and is not drawn; the slide gets a layout from its content`, true);
          } else say(e, 'error', 'invalid-option', `\`layout\` must be a talkreel layout (${LAYOUTS.join(', ')}) or a Slidev one (${Object.keys(SLIDEV_LAYOUTS).join(', ')}), got ${JSON.stringify(e.value)}`, true);
        }
        break;
      case 'image':
        if (ctx.tool === 'Slidev') picture(e, side);
        break;
      case 'background':
        if (isCssColor(text)) extras.style.background = text;
        else picture(e, 'background');
        break;
      case 'backgroundSize':
        if (text === 'contain') for (const img of extras.images) img.fit = 'contain';
        else if (text !== 'cover') unsupported(e, 'pictures fill their area (cover) or fit in it (contain)');
        break;
      // Marp's colour directives; in a Slidev deck `color` is a theme's own option (`color: amber`).
      case 'backgroundColor':
        if (ctx.tool === 'Marp') extras.style.background = color(e) ?? extras.style.background;
        else unsupported(e, 'it is a Slidev theme\'s own option');
        break;
      case 'color':
        if (ctx.tool === 'Marp') extras.style.color = color(e) ?? extras.style.color;
        else unsupported(e, 'it is a Slidev theme\'s own option');
        break;
      case 'paginate':
        // Marp's `hold` and `skip` keep or leave out the number; talkreel numbers slides as they come.
        if (ctx.tool === 'Marp' && ['true', 'false', 'hold', 'skip'].includes(text)) extras.style.paginate = text === 'true' || text === 'hold';
        else unsupported(e, ctx.tool === 'Marp' ? 'it is none of true, false, hold, skip' : 'only `paginate: true` in the front matter numbers the slides');
        break;
      case 'header':
      case 'footer':
        if (text) extras.style[key] = text;
        else delete extras.style[key];
        break;
      case 'class': {
        const classes = text.split(/\s+/).filter(Boolean);
        if (classes.some((c) => CENTRE_CLASSES.includes(c))) extras.centre = true;
        const other = classes.filter((c) => !CENTRE_CLASSES.includes(c) && !QUIET_CLASSES.includes(c));
        if (other.length) unsupported(e, `class ${other.map((c) => `\`${c}\``).join(', ')} has no meaning in talkreel`);
        break;
      }
      case 'transition': {
        const mapped = SLIDEV_TRANSITIONS[text.split('|')[0].trim()];
        if (mapped) extras.transition = mapped;
        else if (ctx.lenient) unsupported(e, `${JSON.stringify(e.value)} is not a transition talkreel knows; the deck's transition is used`);
        else say(e, 'error', 'invalid-option', `\`transition\` must be one of fade, slide, wipe, none or a Slidev transition (${Object.keys(SLIDEV_TRANSITIONS).join(', ')}), got ${JSON.stringify(e.value)}`, true);
        break;
      }
      case 'duration':
        unsupported(e, 'Slidev\'s talk timer does not set slide times; use `duration` in seconds');
        break;
      case 'zoom':
        if (typeof e.value === 'number' && e.value > 0 && e.value <= 4) extras.zoom = e.value;
        else unsupported(e, 'it is not a number from 0 to 4');
        break;
      case 'clicks':
        if (typeof e.value === 'number' && Number.isInteger(e.value) && e.value >= 0) extras.clicks = e.value;
        else unsupported(e, 'it is not a whole number of clicks');
        break;
      case 'hide':
      case 'disabled':
        if (e.value === true || text === 'true') extras.hidden = true;
        break;
      default:
        if (!SILENT.has(key)) unsupported(e, NOTES[key] ?? 'talkreel cannot show it');
    }
  }
}
