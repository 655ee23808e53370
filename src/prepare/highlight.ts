import type { HighlighterCore } from 'shiki/core';
import { eachBlock, type Block, type CodeToken, type Deck, type Diagnostic, type ThemeName } from '../deck/model.js';
import { codeTheme } from './code-theme.js';

type CodeBlock = Extract<Block, { type: 'code' }>;

/**
 * Code is highlighted in Node, before rendering, by Shiki (the highlighter Slidev uses) with its
 * JavaScript regex engine (Slidev's too, and no WebAssembly to start): the page gets coloured
 * tokens in the deck's props and never loads Shiki. Shiki, each theme and each grammar are
 * imported only when a deck needs them (`import()`), from the installed package: no network. A
 * deck without a code block in a language Shiki knows does not import the highlighter at all.
 */
export async function highlightCode(deck: Deck): Promise<Diagnostic[]> {
  const found: { block: CodeBlock; file: string }[] = [];
  for (const slide of deck.slides) {
    for (const block of eachBlock(slide.blocks)) if (block.type === 'code' && block.lang) found.push({ block, file: slide.file ?? deck.file });
  }
  if (found.length === 0) return [];
  const { bundledLanguages } = await import('shiki/langs');
  const known = found.filter(({ block }) => Object.hasOwn(bundledLanguages, languageId(block.lang!)));
  if (known.length === 0) return [];
  const theme = deck.options.theme;
  const diagnostics: Diagnostic[] = [];
  for (const { block, file } of known) {
    const lang = languageId(block.lang!);
    try {
      const highlighter = await highlighterFor(theme);
      await loadLanguage(highlighter, lang, bundledLanguages);
      block.tokens = (block.versions ?? [block.value]).map((code) => tokenize(highlighter, code, lang, theme));
    } catch (err) {
      // A grammar the regex engine cannot run leaves its block plain; the deck still renders.
      delete block.tokens;
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      diagnostics.push({ severity: 'warning', code: 'code-highlight', message: `code in "${block.lang}" is shown without colours: ${why}`, file, line: block.line, column: 1 });
    }
  }
  return diagnostics;
}

/** Shiki's id or alias for a fence's language (`py`, `TS`, `shell`): lower case, as Shiki lists them. */
export const languageId = (lang: string) => lang.trim().toLowerCase();

type Languages = typeof import('shiki/langs').bundledLanguages;

/** How many times Shiki's core has been imported in this process (0 for a deck without code). */
export let shikiImports = 0;

// One highlighter per process, holding both themes as they are first asked for, and the grammars
// loaded so far: watch mode and several decks in one run pay for each once.
let core: Promise<HighlighterCore> | null = null;
const themes = new Map<ThemeName, Promise<void>>();
const grammars = new Map<string, Promise<void>>();

async function highlighterFor(theme: ThemeName): Promise<HighlighterCore> {
  core ??= (async () => {
    shikiImports++;
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([import('shiki/core'), import('shiki/engine/javascript')]);
    return createHighlighterCore({ themes: [], langs: [], engine: createJavaScriptRegexEngine() });
  })();
  const highlighter = await core;
  let loading = themes.get(theme);
  if (!loading) {
    loading = codeTheme(theme).then((t) => highlighter.loadTheme(t as Parameters<HighlighterCore['loadTheme']>[0]));
    themes.set(theme, loading);
  }
  await loading;
  return highlighter;
}

function loadLanguage(highlighter: HighlighterCore, lang: string, languages: Languages): Promise<void> {
  let loading = grammars.get(lang);
  if (!loading) {
    loading = languages[lang as keyof Languages]().then((grammar) => highlighter.loadLanguage(grammar.default));
    grammars.set(lang, loading);
  }
  return loading;
}

/**
 * How long one line may take to tokenise. Shiki's default (0.5 s) is for editors: the first lines
 * of a language also compile its grammar's regexes, which on a busy machine can take longer than that,
 * and a line cut short keeps one colour to its end, differently from run to run. This limit
 * only stops a grammar whose regexes backtrack without end.
 */
export const LINE_TIME_LIMIT_MS = 20_000;

/** The code's tokens, line by line: the texts of a line's tokens joined are the line exactly. */
function tokenize(highlighter: HighlighterCore, code: string, lang: string, theme: ThemeName): CodeToken[][] {
  const started = Date.now();
  const lines = highlighter.codeToTokensBase(code, { lang, theme: `talkreel-${theme}`, tokenizeMaxLineLength: 2000, tokenizeTimeLimit: LINE_TIME_LIMIT_MS });
  // Shiki does not say when it cut a line short: a block that took the limit may have been.
  if (Date.now() - started >= LINE_TIME_LIMIT_MS) throw new Error(`tokenising took over ${LINE_TIME_LIMIT_MS / 1000} s`);
  return lines.map((line) =>
    line.map((t) => ({
      text: t.content,
      ...(t.color ? { color: t.color.toLowerCase() } : {}),
      // Shiki's font style bits: 1 italic, 2 bold (underline and strike-through are not drawn).
      ...((t.fontStyle ?? 0) & 2 ? { bold: true } : {}),
      ...((t.fontStyle ?? 0) & 1 ? { italic: true } : {}),
    })),
  );
}
