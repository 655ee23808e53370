import type { Block, Deck, Diagnostic } from '../deck/model.js';

type Mermaid = typeof import('mermaid').default;
type Diagram = Extract<Block, { type: 'diagram' }>;

/**
 * Checks every diagram's source with mermaid's own parser, in Node (the page draws the diagram,
 * see DiagramView.tsx): one that does not parse is a `diagram-invalid` warning naming its line,
 * and is shown as code. mermaid is loaded only for a deck with diagrams.
 */
export async function checkDiagrams(deck: Deck): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  const places = deck.slides.flatMap((slide) => diagramsIn(slide.blocks).map((at) => ({ ...at, file: slide.file ?? deck.file })));
  if (places.length === 0) return found;
  const mermaid = await loadMermaid();
  for (const { blocks, index, file } of places) {
    const block = blocks[index] as Diagram;
    const problem = await parseProblem(mermaid, block.code);
    if (!problem) continue;
    // The fence is on the block's line; the diagram's first line is the next one.
    const line = block.line + (problem.line ?? 0);
    found.push({ severity: 'warning', code: 'diagram-invalid', message: `mermaid cannot read this diagram: ${problem.message}; it is shown as code`, file, line, column: 1 });
    // In place: the other prepare steps work on the same deck at the same time.
    blocks[index] = { type: 'code', value: block.code, line: block.line };
  }
  return found;
}

/** Where the diagrams are: each one's array and position in it (list items hold blocks too). */
function diagramsIn(blocks: Block[]): { blocks: Block[]; index: number }[] {
  return blocks.flatMap((b, index) => {
    if (b.type === 'diagram') return [{ blocks, index }];
    if (b.type === 'list') return b.items.flatMap((item) => diagramsIn(item.blocks));
    return [];
  });
}

let loading: Promise<Mermaid> | null = null;

/**
 * mermaid, for parsing only. It passes label text through DOMPurify, which in Node (no DOM) has
 * no `sanitize`: parsing needs the text back, and nothing parsed here is ever shown, so the text
 * is passed through unchanged. The page sanitises for real when it draws.
 */
function loadMermaid(): Promise<Mermaid> {
  loading ??= (async () => {
    const { default: purify } = await import('dompurify');
    if (typeof purify.sanitize !== 'function') {
      const unchanged = ((text: unknown) => text) as unknown as typeof purify.sanitize;
      Object.assign(purify, { sanitize: unchanged, addHook: () => undefined });
    }
    const { default: mermaid } = await import('mermaid');
    return mermaid;
  })();
  return loading;
}

/**
 * Why mermaid rejects a diagram, and on which of its lines (1-based) when it says: its two kinds
 * of parser report it as a location (`hash.loc`, `hash.line` counted from 0) or in the message.
 */
async function parseProblem(mermaid: Mermaid, code: string): Promise<{ message: string; line?: number } | null> {
  try {
    await mermaid.parse(code);
    return null;
  } catch (err) {
    const e = err as { name?: unknown; message?: unknown; hash?: { loc?: { first_line?: number }; line?: number } };
    const text = typeof e.message === 'string' ? e.message : String(err);
    // The first line names the kind of diagram: mermaid knows none by that name.
    const fromMessage = e.name === 'UnknownDiagramError' ? '1' : /\bline (\d+)/.exec(text)?.[1];
    const line = e.hash?.loc?.first_line ?? (e.hash?.line !== undefined ? e.hash.line + 1 : fromMessage ? Number(fromMessage) : undefined);
    return { message: readable(text), ...(line !== undefined ? { line } : {}) };
  }
}

/**
 * mermaid's message without the parts that point into the diagram's own lines (a quoted stretch
 * and a `---^` caret, and "on line N", which counts the diagram's lines, not the deck's).
 */
function readable(message: string): string {
  const kept = message
    .split('\n')
    .filter((l) => !/^\.\.\.|^-*\^$/.test(l.trim()))
    .join(' ')
    .replace(/^Parsing failed:\s*/, '')
    .replace(/\s+on line \d+(, column \d+)?/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:]+$/, '')
    .trim();
  return kept.length > 200 ? `${kept.slice(0, 199)}…` : kept;
}
