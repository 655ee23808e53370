import { plainText, readText, type Block, type Layout } from './model.js';

const URL_ONLY = /^(https?:\/\/|www\.)\S+$/i;

/**
 * Picks a layout from what a slide holds, for slides that do not name one. A specialised layout
 * is chosen only for content of exactly its shape, so that it can show every block:
 * - pictures alone (perhaps under a heading): image;
 * - one blockquote and nothing else: quote;
 * - the first slide's heading with a few short lines under it: title;
 * - a heading with only URLs under it: link;
 * - a lone heading: statement (on the last slide: closing); a heading with one or two short
 *   lines under it: statement.
 * Anything else gets the general layout, which draws every block in order: `bullets` when the
 * slide has a list, `content` otherwise. Prose is body text, never a statement.
 */
export function inferLayout(blocks: Block[], position: { first: boolean; last: boolean }): Layout {
  const headings = blocks.filter((b) => b.type === 'heading');
  const paragraphs = blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
  const general: Layout = blocks.some((b) => b.type === 'list') ? 'bullets' : 'content';
  if (blocks.length === 0) return 'statement';
  if (blocks.some((b) => b.type === 'image') && blocks.every((b) => b.type === 'image' || b.type === 'heading') && headings.length <= 1) return 'image';
  if (blocks.length === 1 && blocks[0].type === 'quote') return 'quote';
  // Only a heading first, followed by paragraphs, can take one of the layouts below.
  if (blocks[0].type !== 'heading' || headings.length > 1 || paragraphs.length !== blocks.length - 1) return general;
  const words = countWords(paragraphs.map((p) => plainText(p.runs)).join(' '));
  if (position.first && paragraphs.length <= 4 && words <= 40) return 'title';
  if (paragraphs.length > 0 && paragraphs.every((p) => isUrlParagraph(plainText(p.runs)))) return 'link';
  if (paragraphs.length === 0) return position.last ? 'closing' : 'statement';
  if (paragraphs.length <= 2 && words <= 30) return 'statement';
  return general;
}

const isUrlParagraph = (text: string) => text.trim().split(/\s+/).every((word) => URL_ONLY.test(word));

/** Visible text of a block, as a viewer reads it: every word of it, nested content included. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return readText(block.runs);
    case 'list':
      return block.items.map((item) => [readText(item.runs), ...item.blocks.map(blockText)].filter(Boolean).join('\n')).join('\n');
    case 'quote':
      return [...block.paragraphs.map(readText), block.attribution ?? ''].join('\n');
    case 'code':
      return block.value;
    case 'table':
      return [block.head, ...block.rows].filter((row) => row.length).map((row) => row.map(readText).join('\t')).join('\n');
    // Pictures, formulas and diagrams are drawn, not read as words.
    case 'image':
    case 'math':
    case 'diagram':
      return '';
  }
}

export const countWords = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A short title for menus, chapters and file names. */
export function slideTitle(blocks: Block[], index: number): string {
  const heading = blocks.find((b) => b.type === 'heading');
  const first = heading ?? blocks.find((b) => b.type !== 'image' && blockText(b).trim() !== '');
  const image = blocks.find((b) => b.type === 'image');
  const raw = first ? blockText(first).split('\n')[0] : image?.type === 'image' ? image.alt : '';
  return shorten(raw.replace(/^[“”"']+|[“”"']+$/g, '').trim(), 60) || `Slide ${index}`;
}

export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** `POPPYCOCK!` -> `poppycock`, `Café au lait` -> `cafe-au-lait`; never empty. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 40) return slug || 'slide';
  const cut = slug.slice(0, 40);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}
