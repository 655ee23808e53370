import type { Root as HastRoot, Nodes as HastNodes } from 'hast';
import { raw } from 'hast-util-raw';
import type { ListItem, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { RootContent } from 'hast';
import { blocksOf } from './blocks.js';
import type { ClickCounter } from './clicks.js';
import { closeSelfClosingTags, SLOT } from './html.js';
import { fixMath } from './math-syntax.js';
import { markSnippets } from './snippets.js';
import { Conversion } from './conversion.js';
import { textOf } from './inline.js';
import type { Comment } from './marp.js';
import { SLOTS, type Block, type Diagnostic, type Slot } from './model.js';

type Problem = Omit<Diagnostic, 'file'>;

export interface SlideBody {
  blocks: Block[];
  /** The slot markers the slide uses (`right`, `default`, a theme's own names). */
  slots: Set<string>;
  /** The slide's own clicks (Slidev's, Marp's fragments), as counted while reading it. */
  clicks: ClickCounter;
  notes: string;
  /** Every HTML comment of the slide, in order (Marp reads directives from them). */
  comments: Comment[];
  problems: Problem[];
}

export interface BodyOptions {
  /** Read Marp's image keywords (`![bg right w:300](...)`); HTML sizes are of Marp's 1280-wide slide. */
  marp?: boolean;
  /** Warnings said once per deck, shared by its slides (CSS classes, each kind of component). */
  said?: Set<string>;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/**
 * Turns one slide's Markdown into blocks. `firstLine` is the deck line the body starts on, so that
 * every block keeps its line in the deck file.
 *
 * Markdown and the HTML inside it are read as one document, as Slidev and Marp read them: the
 * Markdown becomes HTML (mdast-util-to-hast) and the raw HTML is parsed into the same tree
 * (hast-util-raw, with parse5), so `<div>` around Markdown, `<b>` inside a paragraph and a
 * `<br>` all mean what they mean in the browser. The tree is then read into talkreel's blocks;
 * nothing of it is ever rendered as HTML or run. Speaker notes are the slide's last HTML comment
 * (Slidev's and Marp's rule).
 */
export function parseSlideBody(body: string, firstLine: number, options: BodyOptions = {}): SlideBody {
  const mdast = processor.parse(body) as Root;
  fixMath(mdast, body);
  if (options.marp) markFragments(mdast, body);
  else markSnippets(mdast, body);
  // The code fence's info after the language (` {2|3-4}`) survives the trip as an attribute.
  visit(mdast, 'code', (node) => {
    if (node.meta) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataMeta: node.meta } };
  });
  const hast = toHast(mdast, { allowDangerousHtml: true }) as HastRoot;
  const names = new Map<string, string>();
  visit(hast, 'raw', (node: { value: string }) => {
    const closed = closeSelfClosingTags(node.value);
    node.value = closed.value;
    for (const [k, v] of closed.names) names.set(k, v);
  });
  const tree = raw(hast, { file: new VFile(body) }) as HastNodes;
  const cx = new Conversion(firstLine, options.said ?? new Set(), names, { marp: options.marp === true, canvasWidth: options.marp ? 1280 : 980 });
  const blocks = tree.type === 'root' ? slottedBlocks(tree.children, cx) : [];
  return { blocks, slots: cx.slots, clicks: cx.clicks, notes: cx.comments.at(-1)?.text ?? '', comments: cx.comments, problems: cx.problems };
}

/**
 * Slidev's slots: a line `::right::` sends what follows to that slot (`::default::` back to the
 * default one), until the next marker. Each block keeps its slot; the slide's layout says what
 * the slots mean (see slide.ts).
 */
function slottedBlocks(nodes: RootContent[], cx: Conversion): Block[] {
  const blocks: Block[] = [];
  let slot: string | undefined;
  let part: RootContent[] = [];
  const flush = () => {
    for (const b of blocksOf(part, cx)) blocks.push(slot && (SLOTS as readonly string[]).includes(slot) ? { ...b, slot: slot as Slot } : b);
    part = [];
  };
  for (const node of nodes) {
    const marker = node.type === 'element' && node.tagName === 'p' ? SLOT.exec(textOf(node).trim()) : null;
    if (!marker) {
      part.push(node);
      continue;
    }
    flush();
    slot = marker[1] === 'default' ? undefined : marker[1];
    cx.slots.add(marker[1]);
  }
  flush();
  return blocks;
}

/**
 * Marp's fragmented lists: an item whose marker is `*` or `)` (`1)`) appears on its own step, at
 * any depth (marpit's fragment plugin). remark keeps no marker, so it is read from the source at
 * the item's start.
 */
function markFragments(tree: Root, source: string): void {
  visit(tree, 'listItem', (item: ListItem) => {
    const start = item.position?.start.offset;
    if (start === undefined) return;
    const m = /^(?:([*+-])|\d{1,9}([.)]))/.exec(source.slice(start, start + 12));
    const marker = m ? (m[1] ?? m[2]) : undefined;
    if (marker === '*' || marker === ')') item.data = { ...item.data, hProperties: { ...item.data?.hProperties, dataFragment: '' } };
  });
}
