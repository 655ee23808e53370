import { plainText, type Block, type Layout } from './model.js';

const URL_ONLY = /^(https?:\/\/|www\.)\S+$/i;

/**
 * Picks a layout from what a slide holds, for slides that do not name one:
 * a lone image is an image slide, a blockquote a quote, a list bullets, a heading with only URLs
 * under it a link slide, the first slide's heading the title, the last slide's lone heading the
 * closing, and any other heading (alone or with a line under it) a statement.
 */
export function inferLayout(blocks: Block[], position: { first: boolean; last: boolean }): Layout {
  const kinds = blocks.map((b) => b.type);
  const has = (t: Block['type']) => kinds.includes(t);
  const headings = blocks.filter((b) => b.type === 'heading');
  const paragraphs = blocks.filter((b) => b.type === 'paragraph');

  if (has('image') && blocks.every((b) => b.type === 'image' || b.type === 'heading')) return 'image';
  if (has('quote')) return 'quote';
  if (has('list') || has('code')) return position.first && !has('list') ? 'title' : 'bullets';
  if (headings.length === 0) return paragraphs.length > 0 ? 'statement' : 'statement';
  if (position.first) return 'title';
  if (paragraphs.length === 0) return position.last ? 'closing' : 'statement';
  if (paragraphs.every((p) => p.type === 'paragraph' && isUrlParagraph(plainText(p.runs)))) return 'link';
  return 'statement';
}

const isUrlParagraph = (text: string) => text.trim().split(/\s+/).every((word) => URL_ONLY.test(word));

/** Visible text of a block, as a viewer reads it. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return plainText(block.runs);
    case 'list':
      return block.items.map(plainText).join('\n');
    case 'quote':
      return [...block.paragraphs.map(plainText), block.attribution ?? ''].join('\n');
    case 'code':
      return block.value;
    case 'image':
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
