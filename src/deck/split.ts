import type { Diagnostic } from './model.js';

/**
 * Cuts a deck's source into its front matter and slides, keeping every piece's source lines.
 *
 * The rules are Slidev's and Marp's: a line holding only `---` outside a fenced code block ends a
 * slide. Right after such a separator, a block of `key: value` lines closed by another `---` is that
 * slide's own front matter (Slidev's per-slide frontmatter).
 */
export interface YamlBlock {
  text: string;
  /** 1-based line of the block's first YAML line (the line after the opening `---`). */
  line: number;
}

export interface RawSlide {
  frontmatter: YamlBlock | null;
  body: string;
  /** 1-based line where `body` starts. */
  bodyLine: number;
  /** First line of the slide (its separator's next line, or the frontmatter) and its last line. */
  line: number;
  endLine: number;
}

export interface SplitDeck {
  frontmatter: YamlBlock | null;
  slides: RawSlide[];
  diagnostics: Omit<Diagnostic, 'file'>[];
}

const SEPARATOR = /^---\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})(.*)$/;
const YAML_KEY = /^[A-Za-z_][\w-]*\s*:(\s|$)/;

/** Strips a byte-order mark and turns CRLF / CR line endings into LF. */
export function normalizeSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function splitDeck(source: string): SplitDeck {
  const lines = normalizeSource(source).split('\n');
  const diagnostics: SplitDeck['diagnostics'] = [];
  let i = 0;
  let frontmatter: YamlBlock | null = null;

  // Front matter: the file's first line is `---`.
  if (lines.length > 0 && SEPARATOR.test(lines[0])) {
    const close = findClosing(lines, 1);
    if (close === -1) {
      diagnostics.push({
        severity: 'error',
        code: 'frontmatter-unclosed',
        message: 'front matter opened with `---` on line 1 is never closed by a `---` line',
        line: 1,
        column: 1,
      });
      return { frontmatter: null, slides: [], diagnostics };
    }
    frontmatter = { text: lines.slice(1, close).join('\n'), line: 2 };
    i = close + 1;
  }

  const slides: RawSlide[] = [];
  let start = i; // first line (0-based) of the current slide
  let slideFm: YamlBlock | null = null;
  let bodyStart = i;
  let fence: string | null = null;

  const finish = (end: number) => {
    slides.push({
      frontmatter: slideFm,
      body: lines.slice(bodyStart, end).join('\n'),
      bodyLine: bodyStart + 1,
      line: start + 1,
      endLine: Math.max(start + 1, end),
    });
  };

  for (; i < lines.length; i++) {
    const line = lines[i];
    // CommonMark fences: closed by a fence of the same character, at least as long, with no
    // info string after it.
    const f = FENCE.exec(line);
    if (f) {
      if (fence === null) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && f[2].trim() === '') fence = null;
      continue;
    }
    if (fence !== null || !SEPARATOR.test(line)) continue;

    finish(i);
    start = i + 1;
    slideFm = null;
    bodyStart = i + 1;
    // Per-slide front matter: `---` / key: value ... / `---`.
    if (i + 1 < lines.length && YAML_KEY.test(lines[i + 1])) {
      const close = findClosing(lines, i + 1);
      if (close !== -1) {
        slideFm = { text: lines.slice(i + 1, close).join('\n'), line: i + 2 };
        bodyStart = close + 1;
        i = close;
      }
    }
  }
  finish(lines.length);

  // A deck that starts with front matter has no slide before it; a trailing `---` makes no slide.
  const kept = slides.filter((s, n) => !(isBlank(s.body) && !s.frontmatter && (n === 0 || n === slides.length - 1)));
  return { frontmatter, slides: kept, diagnostics };
}

function findClosing(lines: string[], from: number): number {
  for (let j = from; j < lines.length; j++) if (SEPARATOR.test(lines[j])) return j;
  return -1;
}

const isBlank = (text: string) => text.trim() === '';
