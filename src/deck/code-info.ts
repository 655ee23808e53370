/**
 * Slidev's code fence info: ```ts [title] {2|3-4|all}{lines:true,startLine:5,at:'+1'}. The ranges
 * are the lines highlighted at each click (the first from the start); the options a JavaScript
 * object literal, of which talkreel reads `lines`, `startLine` and `at` (literal values only:
 * an expression is not followed). Pure text in, data out.
 */
export interface CodeInfo {
  title?: string;
  /** The highlighted lines at each step, 1-based, relative to the block (null: every line; []: none). */
  ranges: (number[] | null)[];
  options: Record<string, string | number | boolean> | null;
}

const BLOCK_INFO = /^(?:\[([^\]]*)\])?[ \t]*(?:\{([\w,|\-*\s]+)\})?[ \t]*(\{[^}]*\})?(.*)$/;

/** Reads the part of a fence's info string after its language; null when it holds none of it. */
export function readCodeInfo(meta: string | undefined): CodeInfo | null {
  if (!meta) return null;
  const m = BLOCK_INFO.exec(meta.trim());
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return {
    ...(m[1] !== undefined ? { title: m[1] } : {}),
    ranges: m[2] === undefined ? [] : m[2].split('|').map((r) => readRange(r.trim())),
    options: m[3] === undefined ? null : readOptions(m[3]),
  };
}

/** `all`, `*` or nothing: every line; `none`: no line; `1,3-5`: those lines. */
function readRange(range: string): number[] | null {
  if (range === '' || range === 'all' || range === '*') return null;
  if (range === 'none' || range === 'hide') return [];
  const lines = new Set<number>();
  for (const part of range.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const to = m[2] === undefined ? Number(m[1]) : Number(m[2]);
    for (let k = Number(m[1]); k <= to && k > 0; k++) lines.add(k);
  }
  return [...lines].sort((a, b) => a - b);
}

/** `{lines:true,startLine:5,at:'+1'}` -> its keys and literal values; null for anything else (an expression). */
export function readOptions(src: string): Record<string, string | number | boolean> | null {
  let rest = src.trim();
  if (!rest.startsWith('{') || !rest.endsWith('}')) return null;
  rest = rest.slice(1, -1).trim();
  const out: Record<string, string | number | boolean> = {};
  const item = /^([A-Za-z_$][\w$]*|'[^']*'|"[^"]*")\s*:\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[+-]?\d+(?:\.\d+)?|true|false)\s*(?:,\s*|$)/;
  while (rest) {
    const m = item.exec(rest);
    if (!m) return null;
    const v = m[2];
    out[m[1].replace(/^['"]|['"]$/g, '')] = v === 'true' ? true : v === 'false' ? false : /^['"]/.test(v) ? v.slice(1, -1) : Number(v);
    rest = rest.slice(m[0].length);
  }
  return out;
}
