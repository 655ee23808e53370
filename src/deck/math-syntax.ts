import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * remark-math reads dollars more eagerly than Slidev and Marp do (both follow markdown-it-katex):
 * there, `$` opens math only when no space follows it and closes it only when no space precedes it
 * and no digit follows it, so "costs $5 and $10" is text; and `$$...$$` alone in a paragraph is
 * display math, while `$$...$$` inside a line is text. This puts remark's tree right by those
 * rules, reading the dollars from the source.
 */
export function fixMath(tree: Root, source: string): void {
  visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
    const only = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (only.length === 1 && only[0].type === 'inlineMath' && sourceOf(only[0], source).startsWith('$$') && parent && index !== undefined) {
      const value = only[0].value.trim();
      // As remark-math makes a display formula: its HTML is <pre><code class="math-display">.
      const hChildren = [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }];
      parent.children[index] = { type: 'math', value, position: paragraph.position, data: { hName: 'pre', hChildren } } as never;
      return;
    }
    paragraph.children = mergeText(paragraph.children.map((c) => (c.type === 'inlineMath' && !isMath(c, source) ? { type: 'text', value: sourceOf(c, source), position: c.position } : c)));
  });
}

const sourceOf = (node: PhrasingContent, source: string) => source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

/** Math by Slidev's and Marp's rules: `$x$` with no space inside its dollars and no digit after them. */
function isMath(node: Extract<PhrasingContent, { type: 'inlineMath' }>, source: string): boolean {
  const raw = sourceOf(node, source);
  if (raw.startsWith('$$')) return false;
  const after = source[node.position?.end.offset ?? 0] ?? '';
  return !/^\s|\s$/.test(node.value) && node.value !== '' && !/\d/.test(after);
}

function mergeText(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const c of children) {
    const prev = out.at(-1);
    if (prev?.type === 'text' && c.type === 'text') {
      out[out.length - 1] = { ...prev, value: prev.value + c.value, position: prev.position && c.position ? { start: prev.position.start, end: c.position.end } : prev.position };
    } else out.push(c);
  }
  return out;
}
