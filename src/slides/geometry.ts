import { blockText } from '../deck/infer.js';
import { type Block, type Deck, type DeckOptions, type Slide } from '../deck/model.js';
import { contentItems } from './content-fit.js';
import { headItem } from './head.js';
import { item } from './roles.js';
import { contentParts, splitColumns } from './content.js';
import { fitText } from './fit-math.js';
import { fitBox, type FitBox, type FitItem, type Fitted, type Measure } from './fit.js';
import { SAFE, SPACE, TYPE, scaled, type TypeRole } from './theme.js';

export { blockText };

/**
 * Where text goes on each layout, as numbers: the content box inside the margins and, per layout,
 * the text items that must fit in it with their size ranges and the fixed space between them.
 * Pure, so the layouts (in the browser) and the Node-side fit check compute the same thing.
 */

export interface Chrome {
  paginate: boolean;
  logo: boolean;
  /** A header row at the top, a footer text in the footer row (Marp's `header` and `footer`). */
  header?: boolean;
  footer?: boolean;
  /** Where and when the talk was given, under the speaker on the title slide. */
  meta?: string | null;
}

/** `7 November 2015`: the day, the month's English name, the year (as the talk's own slides write it). */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `PyCon Canada 2015, Toronto · 7 November 2015` from the deck's `event` and `date` (a date that is not `YYYY-MM-DD` as written). */
export function eventLine(options: Pick<DeckOptions, 'event' | 'date'>): string | null {
  const m = options.date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date) : null;
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  // A day that does not exist (2015-02-30) is not rolled over into the next month: it is shown as written.
  const real = day !== null && day.getUTCMonth() === Number(m![2]) - 1 && day.getUTCDate() === Number(m![3]);
  const date = real ? LONG_DATE.format(day) : options.date;
  const parts = [options.event, date].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * The width of the frame a slide's text gets: all of it, or what pictures beside it (Marp's
 * `![bg left:40%]`, Slidev's `image-left`) leave: half of it unless they say their share.
 */
export function textWidthOf(blocks: Block[], width: number): number {
  const side = blocks.find((b): b is Extract<Block, { type: 'image' }> => b.type === 'image' && (b.placement === 'left' || b.placement === 'right'));
  return side ? Math.round(width * (1 - (side.share ?? 0.5))) : width;
}

/** What surrounds a slide's content: the deck's footer row and event line, a slide's own header and footer (Marp). */
export const chromeOf = (deck: Deck, slide?: Slide): Chrome => ({
  paginate: slide?.style?.paginate ?? deck.options.paginate,
  logo: Boolean(deck.logo),
  meta: eventLine(deck.options),
  ...(slide?.style?.header ? { header: true } : {}),
  ...(slide?.style?.footer ? { footer: true } : {}),
});

export interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The footer row (logo, the footer or the talk's title, the slide number), or null. */
  footer: Row | null;
  /** The header row (Marp's `header`), or null. */
  header: Row | null;
}
type Row = { top: number; height: number; left: number; width: number };

export function contentArea(width: number, height: number, chrome: Chrome): Area {
  const mx = Math.round(width * SAFE.margin.x);
  const my = Math.round(height * SAFE.margin.y);
  const safeX = Math.round(width * SAFE.titleSafe);
  const safeY = Math.round(height * SAFE.titleSafe);
  const textRow = Math.ceil(scaled(TYPE.footer.max, height) * TYPE.footer.lineHeight);
  let bottom = height - my;
  let top = my;
  let footer: Area['footer'] = null;
  let header: Area['header'] = null;
  if (chrome.paginate || chrome.logo || chrome.footer) {
    const rowHeight = Math.max(chrome.paginate || chrome.footer ? textRow : 0, chrome.logo ? scaled(SPACE.logo, height) : 0);
    const rowTop = height - safeY - rowHeight;
    footer = { top: rowTop, height: rowHeight, left: safeX, width: width - 2 * safeX };
    bottom = Math.min(bottom, rowTop - scaled(SPACE.s, height));
  }
  if (chrome.header) {
    header = { top: safeY, height: textRow, left: safeX, width: width - 2 * safeX };
    top = Math.max(top, safeY + textRow + scaled(SPACE.s, height));
  }
  return { left: mx, top, width: width - 2 * mx, height: bottom - top, footer, header };
}

/** Height of an accent bar with the space around it. */
export const barSpace = (height: number) => scaled(SPACE.bar.thickness + 2 * SPACE.bar.gap, height);


/** A title slide: its heading (or, with none, its first line of text) large, then its other lines. */
export function titleParts(slide: Slide) {
  const head = headingOf(slide) ?? slide.blocks.find((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
  return { head, lines: slide.blocks.filter((b) => b !== head && blockText(b)) };
}

export const headingOf = (slide: Slide) => slide.blocks.find((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading');

/** Statement and closing: the big line and what follows it. */
export function statementParts(slide: Slide) {
  const heading = headingOf(slide);
  return { heading, rest: slide.blocks.filter((b): b is Extract<Block, { type: 'paragraph' | 'heading' }> => b !== heading && 'runs' in b) };
}

/** Slidev's `zoom`: a slide's sizes scaled; below 1 its usual minimum too (the floors stay). */
function zoomed(item: FitItem, zoom: number): FitItem {
  const max = Math.round(item.max * zoom);
  const min = Math.min(max, zoom < 1 ? Math.round(item.min * zoom) : item.min);
  return { ...item, max, min, floor: Math.min(min, item.floor ?? item.min) };
}

/** A general-layout slide whose rows can flow into two columns (see content.ts). */
export function canSplit(slide: Slide): boolean {
  return (slide.layout === 'bullets' || slide.layout === 'content') && splitColumns(contentParts(slide).rows) !== null;
}

/**
 * Font sizes of a slide's text, fitted to its content area. A long list that does not fit in one
 * column is set in two when that fits (or comes closer to fitting).
 */
export function fitSlide(slide: Slide, width: number, height: number, chrome: Chrome, measure: Measure): Fitted & { columns: 1 | 2 } {
  const one = fitBox(fitBoxOf(slide, width, height, chrome, measure), measure);
  if ((one.fits && !one.small) || !canSplit(slide)) return { ...one, columns: 1 };
  const two = fitBox(fitBoxOf(slide, width, height, chrome, measure, 2), measure);
  const better = (two.fits && !two.small) || (two.fits && !one.fits) || (!one.fits && !two.fits && two.height < one.height);
  return better ? { ...two, columns: 2 } : { ...one, columns: 1 };
}

/** The text items of a slide and the box they must fit in. */
export function fitBoxOf(slide: Slide, width: number, height: number, chrome: Chrome, measure: Measure, columns: 1 | 2 = 1): FitBox {
  const area = contentArea(width, height, chrome);
  const box = (items: FitItem[], h = area.height): FitBox => ({ width: area.width, height: h, items: slide.zoom ? items.map((i) => zoomed(i, slide.zoom!)) : items });
  const bar = barSpace(height);
  switch (slide.layout) {
    case 'title': {
      const { head, lines } = titleParts(slide);
      const items = head ? [head.type === 'heading' ? headItem(head, 'hero', height, area.width, measure) : item('head', 'hero', height, fitText(head.runs))] : [];
      let k = 0;
      for (const b of lines) {
        items.push(item(`p${k}`, 'lead', height, blockText(b), { weight: k === 0 ? 600 : 400, fixed: k === 0 ? bar : 0 }));
        k++;
      }
      if (chrome.meta) items.push(item('meta', 'small', height, chrome.meta, { before: 1.2, fixed: k === 0 ? bar : 0 }));
      return box(items);
    }
    case 'bullets':
    case 'content':
    case 'columns':
      return box(contentItems(slide, { width: area.width, height: area.height, frame: height, bar }, measure, columns));
    case 'quote': {
      const quote = slide.blocks.find((b): b is Extract<Block, { type: 'quote' }> => b.type === 'quote');
      const indentPx = scaled(SPACE.bar.thickness + SPACE.l, height);
      const items = (quote?.paragraphs ?? []).map((p, i) =>
        item(`q${i}`, 'quote', height, fitText(p), { before: i ? 0.4 : 0, indentPx }),
      );
      if (quote?.attribution) items.push(item('attr', 'body', height, `— ${quote.attribution}`, { before: 0.6, indentPx }));
      return box(items);
    }
    case 'statement':
    case 'closing': {
      const { heading, rest } = statementParts(slide);
      const big: TypeRole = slide.layout === 'closing' ? 'closing' : 'statement';
      const items: FitItem[] = heading ? [headItem(heading, big, height, area.width, measure)] : [];
      rest.forEach((b, i) => {
        items.push(heading
          ? item(`r${i}`, 'lead', height, fitText(b.runs), { before: i ? 0.5 : 0, fixed: i === 0 ? bar : 0, width: Math.round(area.width * 0.85) })
          : item(`r${i}`, big, height, fitText(b.runs), { before: i ? 0.2 : 0 }));
      });
      return box(items);
    }
    case 'link': {
      const heading = headingOf(slide);
      const items: FitItem[] = heading ? [headItem(heading, 'linkTitle', height, area.width, measure)] : [];
      const pad = linkPadding(height);
      slide.blocks.filter((b) => b !== heading && b.type === 'paragraph').forEach((b, i) => {
        items.push(item(`u${i}`, 'url', height, blockText(b), {
          indentPx: 2 * pad.x,
          fixed: 2 * pad.y + (i === 0 ? bar : scaled(SPACE.s, height)),
        }));
      });
      return box(items);
    }
    case 'image': {
      const heading = headingOf(slide);
      // The picture takes what the heading leaves; the heading gets at most a third of the box.
      return box(heading ? [headItem(heading, 'title', height, area.width, measure)] : [], Math.round(area.height / 3));
    }
  }
}

export const linkPadding = (height: number) => ({ x: scaled(40, height), y: scaled(18, height) });
