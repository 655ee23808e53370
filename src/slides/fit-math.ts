import type { Run } from '../deck/model.js';
import type { Row } from './rows.js';
import type { ContentGeometry, FitItem } from './fit.js';
import type { Measure } from './lines.js';
import { scaled, SPACE, TYPE } from './theme.js';

/**
 * How formulas are fitted. KaTeX typesets them in Node (src/prepare/math.ts); its HTML carries
 * the vertical metrics (a strut per part, as tall as the part's height plus depth), but no
 * widths: KaTeX leaves horizontal layout to the browser. So heights are exact here, and widths
 * are estimated on the wide side; the page scales a formula down when it is wider still (see
 * MathView.tsx), so the drawing never takes more room than the fitting counted.
 */

/** KaTeX sets a formula at 1.21 times the size of the text around it (katex.css, `.katex`). */
export const KATEX_EM = 1.21;

/** Room above and below a display formula, in ems of its row's size, for ink beyond the struts (accents, integral signs). */
const DISPLAY_PAD_EM = 0.15;

/**
 * Height above and depth below the baseline of KaTeX's HTML, in ems of the surrounding text:
 * the tallest and deepest of its struts, line by line (`\\` in display math starts a line).
 */
export function mathExtent(html: string): { height: number; depth: number } {
  let total = 0;
  let height = 0;
  for (const line of html.split(/class="[^"]*\bkatex-newline\b/)) {
    let h = 0;
    let d = 0;
    for (const m of line.matchAll(/class="katex-strut" style="height:([\d.]+)em;(?:vertical-align:(-?[\d.]+)em;)?/g)) {
      const below = m[2] ? -Number(m[2]) : 0;
      h = Math.max(h, Number(m[1]) - below);
      d = Math.max(d, below);
    }
    if (total === 0) height = h;
    total += h + d;
  }
  return { height: height * KATEX_EM, depth: (total - height) * KATEX_EM };
}

/**
 * What the fitting measures for an inline formula: text in Inter at least as wide as KaTeX's
 * drawing, in most cases. KaTeX draws the formula's characters at 1.21 em with spaces around
 * operators; the stand-in is those characters and half of them again (letters outside Inter's
 * Latin set count as `o`), plus an `n` per 0.59 em of KaTeX's explicit spaces. One word with no
 * space: a formula is drawn unbroken. Without KaTeX's HTML (it was not typeset), the TeX itself.
 */
export function mathStandIn(run: Run): string {
  if (!run.html) return run.text;
  const chars = [...decode(run.html.replace(/<[^>]*>/g, '')).replace(/\u200b/g, '')].map((c) => (/^[\x21-\x7e]$/.test(c) ? c : 'o')).join('');
  const spaces = [...run.html.matchAll(/(?:margin-right|margin-left|min-width):([\d.]+)em/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  return chars + chars.slice(0, Math.ceil(chars.length / 2)) + 'n'.repeat(Math.ceil((spaces * KATEX_EM) / 0.59));
}

/** KaTeX escapes these five in text. */
const decode = (text: string) => text.replace(/&(lt|gt|quot|#x27|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#x27': "'", amp: '&' })[e]!);

/** The text of runs as the fitting measures it: formulas by their stand-ins. */
export const fitText = (runs: Run[]): string => runs.map((r) => (r.math ? mathStandIn(r) : r.text)).join('');

/**
 * The box of a display formula, in ems of its row's size: its height and depth, at least a line
 * of body text, and a little room around. The fitting and MathBlock both size it with this.
 */
export function displayBoxEm(html: string): number {
  const { height, depth } = mathExtent(html);
  return Math.max(height + depth, TYPE.body.lineHeight) + 2 * DISPLAY_PAD_EM;
}

/**
 * The fit item of a display formula: one "line" as tall as its box, at the size of body text.
 * Not typeset (KaTeX rejected it, or the deck was not prepared): its TeX, like code.
 */
export function mathItem(row: Extract<Row, { kind: 'math' }>, g: ContentGeometry, _measure: Measure): FitItem {
  const indentPx = row.depth * scaled(SPACE.indent, g.frame);
  if (!row.block.html) {
    // As a code panel (CodePanel): its padding around the lines.
    const t = TYPE.code;
    const pad = { x: scaled(SPACE.panel.x, g.frame), y: scaled(SPACE.panel.y, g.frame) };
    return { key: row.key, text: row.block.tex, max: scaled(t.max, g.frame), min: scaled(t.min, g.frame), floor: scaled(t.floor, g.frame), weight: 400, lineHeight: t.lineHeight, mono: true, code: true, indentPx: indentPx + 2 * pad.x, fixed: 2 * pad.y };
  }
  const t = TYPE.body;
  return { key: row.key, text: '', max: scaled(t.max, g.frame), min: scaled(t.min, g.frame), floor: scaled(t.floor, g.frame), weight: 400, lineHeight: displayBoxEm(row.block.html), indentPx };
}
