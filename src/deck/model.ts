import { z } from 'zod';
import { isCssColor } from './color.js';

/**
 * The typed deck: what the parser makes of a Markdown file, and what the compositions render.
 * It is plain JSON (it travels to the browser as Remotion input props), so the zod schemas below
 * are the single definition of its shape; the TypeScript types are inferred from them.
 */

/**
 * `content` is the general layout (a heading, then every block in order); `bullets` is the same
 * layout for a slide whose body holds lists; `columns` is it in two columns side by side (Slidev's
 * `two-cols`, `two-cols-header`). The others are drawn only for content of their shape.
 */
export const LAYOUTS = ['title', 'bullets', 'content', 'columns', 'quote', 'statement', 'image', 'link', 'closing'] as const;
export const TRANSITIONS = ['fade', 'slide', 'wipe', 'none'] as const;
export const RESOLUTIONS = { '720p': [1280, 720], '1080p': [1920, 1080], '1440p': [2560, 1440], '2160p': [3840, 2160] } as const;

export const THEMES = ['dark', 'light'] as const;
export type ThemeName = (typeof THEMES)[number];
/** A CSS hex colour: #rgb or #rrggbb. */
export const hexColorSchema = z.string().regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);

export const layoutSchema = z.enum(LAYOUTS);
export const transitionSchema = z.enum(TRANSITIONS);
export type Layout = z.infer<typeof layoutSchema>;
export type TransitionName = z.infer<typeof transitionSchema>;

/** A run of inline text with its marks. A hard line break is a run with `text: "\n"`. */
export const runSchema = z.object({
  text: z.string(),
  strong: z.boolean().optional(),
  em: z.boolean().optional(),
  code: z.boolean().optional(),
  /** A key to press (`<kbd>`): drawn as a key cap. */
  kbd: z.boolean().optional(),
  /** Inline math (`$...$`): `text` is the TeX; `html` what KaTeX makes of it (filled in before rendering). */
  math: z.boolean().optional(),
  html: z.string().optional(),
  /** A part of a line that appears at a click (`<span v-click>`). */
  get click() {
    return clickSchema.optional();
  },
  strike: z.boolean().optional(),
  sub: z.boolean().optional(),
  sup: z.boolean().optional(),
  href: z.string().optional(),
});
export type Run = z.infer<typeof runSchema>;

/** Every block of `blocks` and of the list items in them, depth first, in order. */
export function* eachBlock(blocks: Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* eachBlock(item.blocks);
  }
}

/** The text of runs without their marks. */
/** The runs of a block's own text: a heading's or paragraph's, a list's items', a quote's, a table's cells'. */
export function blockRuns(b: Block): Run[] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return b.runs;
    case 'list':
      return b.items.flatMap((i) => i.runs);
    case 'quote':
      return b.paragraphs.flat();
    case 'table':
      return [...b.head, ...b.rows.flat()].flat();
    default:
      return [];
  }
}

export const plainText = (runs: Run[]): string => runs.map((r) => r.text).join('');

/** The words of runs a viewer reads: their text, but not inline formulas (drawn, not read as words). */
export const readText = (runs: Run[]): string => runs.filter((r) => !r.math).map((r) => r.text).join('');

export const ALIGNS = ['left', 'center', 'right'] as const;

/**
 * When something appears on the slide: at click `at` (1-based: the slide's first build step is
 * click 1); with `hide`, it disappears then instead; with `until`, it disappears at that click.
 * Clicks are the deck's own (Slidev's `v-click`, Marp's fragments) or talkreel's list builds.
 */
export interface Click {
  at: number;
  hide?: boolean;
  until?: number;
}
export const clickSchema = z.object({ at: z.number().int().nonnegative(), hide: z.boolean().optional(), until: z.number().int().optional() });

/** Anything that can appear at a click. */
export interface Clicked {
  click?: Click;
  /** Where a top-level block goes on a `columns` slide (Slidev's slots `::left::`, `::right::`, ...). */
  slot?: Slot;
  /** The column of a grid the block is in (`<div class="grid grid-cols-3">`: see blocks.ts). */
  cell?: Cell;
}

/** A block in column `column` (0-based) of grid `grid` (numbered in the slide), which has `columns` columns. */
export interface Cell {
  grid: number;
  column: number;
  columns: number;
}
export const SLOTS = ['header', 'left', 'right', 'bottom'] as const;
export type Slot = (typeof SLOTS)[number];

/**
 * A list item: its first paragraph as runs, `checked` for a task list item (`- [x]`), and what
 * follows in the item (nested lists, further paragraphs, code) as blocks.
 */
export interface ListItem extends Clicked {
  runs: Run[];
  checked?: boolean;
  blocks: Block[];
}

export type Block = (
  /** `fit`: Marp's `<!-- fit -->` heading, set on one line as large as the width allows. */
  | { type: 'heading'; depth: number; runs: Run[]; fit?: boolean; line: number }
  | { type: 'paragraph'; runs: Run[]; line: number }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[]; line: number }
  | { type: 'quote'; paragraphs: Run[][]; attribution?: string; line: number }
  | {
      type: 'image';
      /** As written in the deck. */
      path: string;
      /** A data: URL filled in by the loader, or a staticFile() URL in Studio; empty until resolved. */
      src: string;
      alt: string;
      line: number;
      column: number;
      /** Marp's `![bg](...)`, Slidev's `background:` / `image-left` / `image-right`: behind or beside the slide. */
      placement?: 'background' | 'left' | 'right';
      /** How a background picture fills its area: `cover` (default) or `contain`. */
      fit?: 'cover' | 'contain';
      /** A picture beside the slide: the share of the frame's width it takes (Marp's `bg left:40%`; default a half). */
      share?: number;
      /** Marp's `bg vertical`: the slide's pictures behind it are stacked, not side by side. */
      vertical?: boolean;
      /** Marp's `w:300` / `h:200`, in pixels of a 1280x720 slide (scaled with the frame). */
      width?: number;
      height?: number;
      /** The picture's own size in pixels, filled in by the loader. */
      pixels?: { width: number; height: number };
    }
  /** A fenced or indented code block; `meta` is what follows the language (` {2|3-4}`). */
  | ({ type: 'code'; lang?: string; meta?: string; value: string; line: number } & CodeExtras)
  /** Display math (`$$ ... $$`): TeX, and the HTML KaTeX makes of it (filled in before rendering). */
  | { type: 'math'; tex: string; html?: string; line: number }
  /** A diagram drawn in the page from its source (a ```mermaid fence). */
  | { type: 'diagram'; lang: 'mermaid'; code: string; line: number }
  /** A GFM table: the header row, then the body rows; `align` per column. */
  | { type: 'table'; align: (Align | null)[]; head: Run[][]; rows: Run[][][]; line: number }
) &
  Clicked;
export type Align = (typeof ALIGNS)[number];

/** One token of highlighted code: its text and colour (Shiki), and its font style. */
export interface CodeToken {
  text: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
}

/** What a code block carries besides its text. */
export interface CodeExtras {
  /**
   * Slidev's line highlights (```ts {2|3-4|all}): the lines highlighted at each step, 1-based
   * (null: every line); the first applies from the start, each later one from a click on.
   */
  highlight?: (number[] | null)[];
  /** Line numbers in the margin (`{lines:true}`), from `startLine` (default 1). */
  lineNumbers?: { start: number };
  /** Slidev's `<<< @/file.ts#region`: the file (and region) the code is read from, until the parser reads it. */
  snippet?: string;
  /** Slidev's magic move: the code's versions, shown one after another; `value` is the last. */
  versions?: string[];
  /** Highlighted tokens, line by line, of each version (of `value` alone when there are none). */
  tokens?: CodeToken[][][];
  /** The click at which the block's second state (highlight or version) comes; each later one a click after. */
  statesAt?: number;
}

const runs = z.array(runSchema);
const codeTokenSchema = z.object({ text: z.string(), color: z.string().optional(), bold: z.boolean().optional(), italic: z.boolean().optional() });
export const listItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z.object({ runs, checked: z.boolean().optional(), blocks: z.array(blockSchema), click: clickSchema.optional() }),
);
const click = clickSchema.optional();
const slot = z.enum(SLOTS).optional();
const cell = z.object({ grid: z.number().int(), column: z.number().int(), columns: z.number().int() }).optional();

export const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('heading'), depth: z.number().int(), runs, fit: z.boolean().optional(), line: z.number(), click, slot, cell }),
    z.object({ type: z.literal('paragraph'), runs, line: z.number(), click, slot, cell }),
    z.object({ type: z.literal('list'), ordered: z.boolean(), start: z.number().int(), items: z.array(listItemSchema), line: z.number(), click, slot, cell }),
    z.object({ type: z.literal('quote'), paragraphs: z.array(runs), attribution: z.string().optional(), line: z.number(), click, slot, cell }),
    z.object({
      type: z.literal('image'),
      path: z.string(),
      src: z.string(),
      alt: z.string(),
      line: z.number(),
      column: z.number(),
      placement: z.enum(['background', 'left', 'right']).optional(),
      fit: z.enum(['cover', 'contain']).optional(),
      share: z.number().positive().max(1).optional(),
      vertical: z.boolean().optional(),
      width: z.number().positive().optional(),
      height: z.number().positive().optional(),
      pixels: z.object({ width: z.number(), height: z.number() }).optional(),
      click,
      slot,
      cell,
    }),
    z.object({
      type: z.literal('code'),
      lang: z.string().optional(),
      meta: z.string().optional(),
      snippet: z.string().optional(),
      value: z.string(),
      line: z.number(),
      highlight: z.array(z.array(z.number().int()).nullable()).optional(),
      lineNumbers: z.object({ start: z.number().int() }).optional(),
      versions: z.array(z.string()).optional(),
      tokens: z.array(z.array(z.array(codeTokenSchema))).optional(),
      statesAt: z.number().int().optional(),
      click,
      slot,
      cell,
    }),
    z.object({ type: z.literal('math'), tex: z.string(), html: z.string().optional(), line: z.number(), click, slot, cell }),
    z.object({ type: z.literal('diagram'), lang: z.literal('mermaid'), code: z.string(), line: z.number(), click, slot, cell }),
    z.object({ type: z.literal('table'), align: z.array(z.enum(ALIGNS).nullable()), head: z.array(runs), rows: z.array(z.array(runs)), line: z.number(), click, slot, cell }),
  ]),
);

export const durationSchema = z.union([z.literal('auto'), z.number().positive().max(3600)]);

/** A CSS colour talkreel accepts: #hex, rgb(), hsl(), or one of CSS's colour names. */
export const colorSchema = z.string().refine(isCssColor);

export const slideStyleSchema = z.object({
  background: colorSchema.optional(),
  color: colorSchema.optional(),
  /** Small text at the top and bottom edge (Marp's `header` and `footer`). */
  header: z.string().optional(),
  footer: z.string().optional(),
  /** Marp's `paginate` directive on this slide (else the deck's `paginate`). */
  paginate: z.boolean().optional(),
});
export type SlideStyle = z.infer<typeof slideStyleSchema>;

export const slideSchema = z.object({
  /** 1-based position in the deck. */
  index: z.number().int().positive(),
  /** First and last source line of the slide (1-based, in the deck file, or in `file`). */
  line: z.number().int(),
  endLine: z.number().int(),
  /** The file the slide was written in, when not the deck file (Slidev's `src:` imports). */
  file: z.string().optional(),
  layout: layoutSchema,
  /** The general layout, centred (a centred layout was asked for, or `class: text-center`). */
  centred: z.boolean().optional(),
  /** Slidev's `zoom`: the content's sizes scaled by this (it still fits: see geometry.ts). */
  zoom: z.number().positive().optional(),
  /** True when the slide named its layout; false when it was inferred from the content. */
  layoutExplicit: z.boolean(),
  title: z.string(),
  slug: z.string(),
  blocks: z.array(blockSchema),
  notes: z.string(),
  duration: durationSchema.optional(),
  transition: transitionSchema.optional(),
  /** Starts a chapter of this name (chapters.txt and the MP4's chapter list). */
  chapter: z.string().optional(),
  /** Recorded timing: second of the talk at which the slide starts, and the line that says so. */
  at: z.number().nonnegative().optional(),
  atLine: z.number().int().optional(),
  /**
   * How many clicks the slide plays (build steps: list items appearing, lines highlighted, the
   * deck's own clicks), each at a moment the timeline sets; absent for a quote, whose attribution
   * comes a beat after it.
   */
  clicks: z.number().int().nonnegative().optional(),
  /** Words a viewer reads on the slide: drives the automatic duration. */
  words: z.number().int().nonnegative(),
  /** Per-slide looks from Marp directives or Slidev options; absent for plain talkreel slides. */
  style: slideStyleSchema.optional(),
});
export type Slide = z.infer<typeof slideSchema>;

/** A slide's notes as the captions show them: one line, single spaces. */
export const notesText = (slide: Slide): string => slide.notes.replace(/\s+/g, ' ').trim();

export const deckOptionsSchema = z.object({
  title: z.string().optional(),
  author: z.string().optional(),
  event: z.string().optional(),
  date: z.string().optional(),
  fps: z.number().int().min(1).max(120).default(30),
  resolution: z.string().default('1080p'),
  duration: durationSchema.default('auto'),
  transition: transitionSchema.default('fade'),
  theme: z.enum(THEMES).default('dark'),
  accent: hexColorSchema.optional(),
  /** The logo as written in the deck; the loaded picture is `Deck.logo`. */
  logo: z.string().optional(),
  paginate: z.boolean().default(false),
  /** The frame's shape: 16:9, or 4:3 (Marp's `size: 4:3`); `resolution` and `--resolution` keep it. */
  aspect: z.enum(['16:9', '4:3']).optional(),
  /** Number of the slide poster.jpg shows; default: the title slide. */
  poster: z.number().int().min(1).optional(),
  /** The speaker's recording, relative to the deck. */
  audio: z.string().optional(),
  audioLine: z.number().int().optional(),
});
export type DeckOptions = z.infer<typeof deckOptionsSchema>;

export const DIALECTS = ['talkreel', 'marp', 'slidev'] as const;

export const deckSchema = z.object({
  /** Path of the deck file as given (for messages); `<string>` when parsed from memory. */
  file: z.string(),
  /** The tool the deck is written for: talkreel's own, Marp or Slidev (see dialects.ts). */
  dialect: z.enum(DIALECTS).optional(),
  title: z.string(),
  options: deckOptionsSchema,
  slides: z.array(slideSchema),
  /** The `logo:` picture, resolved like slide images (a data: URL once loaded). */
  logo: z.object({ path: z.string(), src: z.string(), line: z.number(), column: z.number() }).optional(),
  /**
   * Recorded timings, filled in by the renderer from a recording and its start times: each
   * slide's start and the end of the talk, in seconds (see planTimeline). Carried in the deck so
   * that the compositions plan the same timeline as the renderer.
   */
  recording: z.object({ starts: z.array(z.number()).optional(), endSeconds: z.number().optional() }).optional(),
});
export type Deck = z.infer<typeof deckSchema>;

export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/**
 * Parses `720p` / `1080p` / `1440p` / `2160p` / `WIDTHxHEIGHT` (even numbers); null when invalid.
 * A named size keeps the deck's aspect: 720p is 1280x720, or 960x720 for a 4:3 deck (Marp's `size: 4:3`).
 */
export function parseResolution(value: string, aspect: '16:9' | '4:3' = '16:9'): { width: number; height: number } | null {
  const named = RESOLUTIONS[value as keyof typeof RESOLUTIONS];
  if (named) return { width: aspect === '4:3' ? Math.round((named[1] * 4) / 3 / 2) * 2 : named[0], height: named[1] };
  const m = /^(\d{2,5})x(\d{2,5})$/.exec(value.trim());
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width % 2 || height % 2 || width < 16 || height < 16 || width > 7680 || height > 4320) return null;
  return { width, height };
}
