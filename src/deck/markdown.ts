import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { classifyHtml, SLOT } from './html.js';
import { readImageKeywords, type Comment } from './marp.js';
import { plainText, type Block, type Diagnostic, type Run } from './model.js';

type Problem = Omit<Diagnostic, 'file'>;

export interface SlideBody {
  blocks: Block[];
  notes: string;
  /** Every HTML comment of the slide, in order (Marp reads directives from them). */
  comments: Comment[];
  problems: Problem[];
}

export interface BodyOptions {
  /** Read Marp's image keywords (`![bg right w:300](...)`). */
  marp?: boolean;
}

type ImageBlock = Extract<Block, { type: 'image' }>;

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
export function parseSlideBody(body: string, firstLine: number, options: BodyOptions = {}): SlideBody {
  const tree = processor.parse(body) as Root;
  const problems: Problem[] = [];
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + firstLine - 1;
  const colOf = (node: Nodes) => node.position?.start.column ?? 1;
  const warn = (code: string, message: string, node: Nodes) =>
    problems.push({ severity: 'warning', code, message, line: lineOf(node), column: colOf(node) });
  const image = (img: Extract<PhrasingContent, { type: 'image' }>): ImageBlock => {
    const block: ImageBlock = { type: 'image', path: img.url, src: '', alt: img.alt ?? '', line: lineOf(img), column: colOf(img) };
    if (!options.marp) return block;
    const k = readImageKeywords(block.alt);
    for (const word of k.ignored) warn('unsupported-image', `Marp image keyword \`${word}\` is not applied; the picture is shown without it`, img);
    const { ignored: _ignored, ...keywords } = k;
    return Object.assign(block, Object.fromEntries(Object.entries(keywords).filter(([, v]) => v !== undefined)));
  };

  const visit = (node: RootContent) => {
    const line = lineOf(node);
    switch (node.type) {
      case 'heading':
        blocks.push({ type: 'heading', depth: node.depth, runs: runsOf(node.children), line });
        return;
      case 'paragraph': {
        const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        if (meaningful.length === 1 && meaningful[0].type === 'image') {
          blocks.push(image(meaningful[0]));
          return;
        }
        // Marp: a line of images (`![bg](a) ![bg](b)`) is that many pictures; a background
        // picture is never part of the text around it.
        if (options.marp && meaningful.every((c) => c.type === 'image')) {
          for (const img of meaningful) if (img.type === 'image') blocks.push(image(img));
          return;
        }
        const isBackground = (c: PhrasingContent) => options.marp === true && c.type === 'image' && /(^|\s)bg(\s|$)/.test(c.alt ?? '');
        for (const c of node.children) if (c.type === 'image' && isBackground(c)) blocks.push(image(c));
        const children = node.children.filter((c) => !isBackground(c));
        const runs = runsOf(children);
        const text = plainText(runs).trim();
        if (SLOT.test(text)) {
          warn('unsupported-component', `Slidev slot \`${text}\`: columns are not drawn side by side; their content follows one another`, node);
          return;
        }
        if (text !== '' || children.length === node.children.length) blocks.push({ type: 'paragraph', runs, line });
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
        // Slidev's ```ts {2|1-6|all}: lines highlighted click by click.
        if (/\{[^}]*\|[^}]*\}/.test(node.meta ?? '')) {
          warn('unsupported-animation', 'code lines highlighted click by click are not played; the whole code is shown', node);
        }
        blocks.push({ type: 'code', lang: node.lang ?? undefined, value: node.value, line });
        return;
      case 'html': {
        const comment = COMMENT.exec(node.value.trim());
        if (comment) {
          comments.push({ text: comment[1].trim(), raw: comment[1], line, column: colOf(node) });
          return;
        }
        const html = classifyHtml(node.value);
        const keep = (text: string) => text && blocks.push({ type: 'paragraph', runs: [{ text }], line });
        switch (html.kind) {
          case 'script':
            warn('unsupported-html', `a <${html.tag}> block is never run or applied; it is left out`, node);
            return;
          case 'component':
            warn('unsupported-component', `Vue component <${html.tag}> is not drawn; only its text is shown`, node);
            keep(html.text);
            return;
          case 'click':
            warn('unsupported-animation', `<${html.tag}> click animations are not played (only list items build); the content is shown at once`, node);
            keep(html.text);
            return;
          case 'list-build':
            keep(html.text);
            return;
          case 'closing':
            return;
          case 'wrapper':
            warn('unsupported-html', `HTML layout tag <${html.tag}> is not drawn; the Markdown around it is shown`, node);
            return;
          case 'literal':
            blocks.push({ type: 'paragraph', runs: [{ text: node.value }], line });
            return;
        }
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
  return { blocks, notes: comments.at(-1)?.text ?? '', comments, problems };
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
