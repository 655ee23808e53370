import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Block, Diagnostic, Run } from './model.js';

type Problem = Omit<Diagnostic, 'file'>;

export interface SlideBody {
  blocks: Block[];
  notes: string;
  problems: Problem[];
}

const processor = unified().use(remarkParse).use(remarkGfm);
const COMMENT = /^<!--([\s\S]*?)-->$/;
const ATTRIBUTION = /^\s*[—–―-]{1,2}\s*/;

/**
 * Turns one slide's Markdown into blocks. `firstLine` is the deck line the body starts on, so that
 * every block keeps its line in the deck file.
 *
 * Speaker notes are the slide's last HTML comment (Slidev's and Marp's rule). Any other raw HTML is
 * kept as literal text, never interpreted: a deck cannot inject markup or scripts into the page.
 */
export function parseSlideBody(body: string, firstLine: number): SlideBody {
  const tree = processor.parse(body) as Root;
  const problems: Problem[] = [];
  const blocks: Block[] = [];
  const comments: string[] = [];
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + firstLine - 1;
  const colOf = (node: Nodes) => node.position?.start.column ?? 1;

  const visit = (node: RootContent) => {
    const line = lineOf(node);
    switch (node.type) {
      case 'heading':
        blocks.push({ type: 'heading', depth: node.depth, runs: runsOf(node.children), line });
        return;
      case 'paragraph': {
        const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        if (meaningful.length === 1 && meaningful[0].type === 'image') {
          const img = meaningful[0];
          blocks.push({ type: 'image', path: img.url, src: '', alt: img.alt ?? '', line, column: colOf(img) });
          return;
        }
        blocks.push({ type: 'paragraph', runs: runsOf(node.children), line });
        return;
      }
      case 'list':
        blocks.push({
          type: 'list',
          ordered: node.ordered ?? false,
          start: node.start ?? 1,
          items: node.children.map((item) => itemRuns(item.children)),
          line,
        });
        return;
      case 'blockquote': {
        const paragraphs = node.children.map((c) => ('children' in c ? runsOf(c.children as PhrasingContent[]) : []));
        const last = paragraphs.at(-1);
        const lastText = last ? plainText(last) : '';
        const attribution =
          paragraphs.length > 1 && ATTRIBUTION.test(lastText) ? lastText.replace(ATTRIBUTION, '').trim() : undefined;
        blocks.push({ type: 'quote', paragraphs: attribution ? paragraphs.slice(0, -1) : paragraphs, attribution, line });
        return;
      }
      case 'code':
        blocks.push({ type: 'code', lang: node.lang ?? undefined, value: node.value, line });
        return;
      case 'html': {
        const comment = COMMENT.exec(node.value.trim());
        if (comment) comments.push(comment[1].trim());
        else blocks.push({ type: 'paragraph', runs: [{ text: node.value }], line });
        return;
      }
      case 'thematicBreak':
      case 'definition':
        return;
      default:
        problems.push({
          severity: 'warning',
          code: 'unsupported-markdown',
          message: `${node.type} is not supported on slides yet; it is shown as plain text`,
          line,
          column: colOf(node),
        });
        blocks.push({ type: 'paragraph', runs: [{ text: plainText(runsOf(phrasingIn(node))) }], line });
    }
  };
  for (const node of tree.children) visit(node);
  return { blocks, notes: comments.at(-1) ?? '', problems };
}

function phrasingIn(node: Nodes): PhrasingContent[] {
  if (!('children' in node)) return 'value' in node ? [{ type: 'text', value: String(node.value) }] : [];
  return (node.children as Nodes[]).flatMap((c) => {
    const inline = ['text', 'strong', 'emphasis', 'inlineCode', 'link', 'break', 'delete', 'image', 'html'];
    return inline.includes(c.type) ? [c as PhrasingContent] : [...phrasingIn(c), { type: 'text', value: ' ' } as const];
  });
}

/** A list item's paragraphs (and nested lists) as one line of runs, paragraphs joined by a break. */
function itemRuns(children: RootContent[]): Run[] {
  const runs: Run[] = [];
  for (const child of children) {
    if (runs.length > 0) runs.push({ text: '\n' });
    if (child.type === 'paragraph') runs.push(...runsOf(child.children));
    else runs.push({ text: plainText(runsOf(phrasingIn(child))).trim() });
  }
  return runs;
}

type Marks = Omit<Run, 'text'>;

export function runsOf(nodes: PhrasingContent[], marks: Marks = {}): Run[] {
  const out: Run[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value.replace(/\s*\n\s*/g, ' '), ...marks });
        break;
      case 'strong':
        out.push(...runsOf(node.children, { ...marks, strong: true }));
        break;
      case 'emphasis':
        out.push(...runsOf(node.children, { ...marks, em: true }));
        break;
      case 'delete':
        out.push(...runsOf(node.children, marks));
        break;
      case 'inlineCode':
        out.push({ text: node.value, ...marks, code: true });
        break;
      case 'link':
        out.push(...runsOf(node.children, { ...marks, href: node.url }));
        break;
      case 'break':
        out.push({ text: '\n' });
        break;
      case 'image':
        out.push({ text: node.alt ?? '', ...marks });
        break;
      case 'html':
        // Inline raw HTML stays literal text (comments included: they are not notes mid-paragraph).
        out.push({ text: node.value, ...marks });
        break;
      default:
        if ('children' in node) out.push(...runsOf(node.children as PhrasingContent[], marks));
        else if ('value' in node) out.push({ text: String(node.value), ...marks });
    }
  }
  return mergeRuns(out);
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    const same = prev && prev.text !== '\n' && run.text !== '\n' &&
      prev.strong === run.strong && prev.em === run.em && prev.code === run.code && prev.href === run.href;
    if (same) prev.text += run.text;
    else if (run.text !== '') out.push({ ...run });
  }
  return out;
}

export const plainText = (runs: Run[]): string => runs.map((r) => r.text).join('');
