import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ImportReader } from './imports.js';
import { eachBlock, type Block, type Diagnostic } from './model.js';

type Problem = Omit<Diagnostic, 'file'> & { file?: string };

/**
 * Slidev's code snippets: a line `<<< @/snippets/external.ts#region ts {2|3}{lines:true}` is a
 * code block holding that file (`@/` is the deck's folder; otherwise relative to the slide's
 * file), or only the part of it between `#region name` and `#endregion name` comments; the
 * language is the one named, else the file's extension; the braces are a fence's options.
 */
const SNIPPET = /^<<<[ \t]+(\S+?)(?:#([\w.-]+))?(?:[ \t]+([\w+#.-]+))?(?:[ \t]*(\{.*\}))?[ \t]*$/;

/**
 * Puts a code node in the place of each snippet line of a slide's Markdown: until the file is
 * read (readSnippets), its text is the line itself, and the reference rides along as an attribute.
 */
export function markSnippets(tree: Root, source: string): void {
  visit(tree, 'paragraph', (node, index, parent) => {
    const [start, end] = [node.position?.start.offset, node.position?.end.offset];
    if (!parent || index === undefined || start === undefined || end === undefined) return;
    const m = SNIPPET.exec(source.slice(start, end));
    if (!m) return;
    const [line, ref, region, lang, meta] = m;
    const extension = /\.([\w]+)$/.exec(ref)?.[1];
    const code: Code = {
      type: 'code',
      lang: lang ?? extension ?? null,
      meta: meta ?? null,
      value: line,
      position: node.position,
      data: { hProperties: { dataSnippet: region ? `${ref}#${region}` : ref } },
    };
    parent.children[index] = code;
  });
}

/**
 * Reads the files of a slide's snippets through the deck's reader (which keeps them inside the
 * deck's folder, as Slidev's `src:` imports are): each block gets its file's text, or its region's.
 * A file that cannot be read or a region it does not have is an error naming the snippet's line.
 */
export function readSnippets(blocks: Block[], file: string, read: ImportReader | undefined, problems: Problem[]): void {
  for (const block of eachBlock(blocks)) {
    if (block.type !== 'code' || block.snippet === undefined) continue;
    const hash = block.snippet.lastIndexOf('#');
    const [ref, region] = hash > 0 ? [block.snippet.slice(0, hash), block.snippet.slice(hash + 1)] : [block.snippet, undefined];
    const problem = (code: string, message: string) => problems.push({ severity: 'error', code, message: `\`<<< ${block.snippet}\`: ${message}`, line: block.line, column: 1 });
    delete block.snippet;
    if (!read) {
      problem('snippet-missing', "code snippets need the deck's folder (parse the deck with loadDeck)");
      continue;
    }
    const got = read(ref.startsWith('@/') ? ref.slice(1) : ref, file);
    if ('code' in got) {
      problem(got.code.replace(/^import-/, 'snippet-'), got.message);
      continue;
    }
    const text = region === undefined ? got.source : regionOf(got.source, region);
    if (text === null) problem('snippet-region', `${got.file} has no region "${region}" (a \`#region ${region}\` comment, then \`#endregion ${region}\`)`);
    else block.value = text.replace(/\n+$/, '');
  }
}

/**
 * The lines between `#region name` and `#endregion name` comments (`// #region name`,
 * `<!-- #region name -->`, `# #region name`, ...), as VitePress and Slidev mark them, without
 * their common indentation; null without such a region.
 */
export function regionOf(source: string, name: string): string | null {
  const lines = source.split(/\r?\n/);
  const marker = (kind: string) => new RegExp(`^\\s*(?://|#|<!--|/\\*|--|;)\\s*#${kind}\\s+${name.replace(/[.]/g, '\\.')}\\b`);
  const start = lines.findIndex((l) => marker('region').test(l));
  if (start === -1) return null;
  const length = lines.slice(start + 1).findIndex((l) => marker('endregion').test(l));
  const part = lines.slice(start + 1, length === -1 ? undefined : start + 1 + length);
  const indent = Math.min(...part.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return part.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}
