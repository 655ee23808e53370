/**
 * Sorts a block of raw HTML in a deck by what talkreel does with it. Nothing is ever executed:
 * scripts and styles are left out, Vue components and click animations are left out with their
 * text kept, and any other HTML stays literal text.
 */
export type HtmlKind =
  | { kind: 'script'; tag: string }
  | { kind: 'component'; tag: string; text: string }
  | { kind: 'click'; tag: string; text: string }
  /** `<v-clicks>` around a list: talkreel builds lists one item at a time anyway. */
  | { kind: 'list-build'; text: string }
  /** Closing tags or line breaks only (`</div>`, `<br>`): nothing to show. */
  | { kind: 'closing' }
  /** Layout tags with no text of their own (`<div class="grid">`): the Markdown inside is shown. */
  | { kind: 'wrapper'; tag: string }
  | { kind: 'literal' };

const TAG = /<\/?([A-Za-z][\w.:-]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const WRAPPERS = ['div', 'span', 'section', 'article', 'p', 'center', 'br', 'hr'];
const CLICK_TAGS = ['v-click', 'v-after', 'v-click-hide', 'v-switch', 'v-drag', 'v-motion'];
const CLICK_ATTR = /(^|\s)(v-click|v-after|v-click-hide|v-motion|v-mark|v-drag|v-switch)\b/;

export function classifyHtml(html: string): HtmlKind {
  const value = html.trim();
  const script = /^<(script|style)\b/i.exec(value);
  if (script) return { kind: 'script', tag: script[1].toLowerCase() };
  const tags = [...value.matchAll(TAG)].map((m) => ({ name: m[1], attrs: m[2] ?? '', closing: m[0].startsWith('</') }));
  if (tags.length === 0) return { kind: 'literal' };
  const text = value.replace(TAG, ' ').replace(/\s+/g, ' ').trim();
  if (text === '' && tags.every((t) => t.closing || t.name.toLowerCase() === 'br' || t.name.toLowerCase() === 'hr')) return { kind: 'closing' };
  const click = tags.find((t) => CLICK_TAGS.includes(t.name) || CLICK_ATTR.test(t.attrs));
  if (click) return { kind: 'click', tag: click.name, text };
  if (tags.some((t) => t.name === 'v-clicks')) return { kind: 'list-build', text };
  // Vue components are PascalCase (<Tweet>) or kebab-case (<carbon-logo>); HTML's own tags are neither.
  const component = tags.find((t) => /^[A-Z]/.test(t.name) || t.name.includes('-'));
  if (component) return { kind: 'component', tag: component.name, text };
  if (text === '' && tags.every((t) => WRAPPERS.includes(t.name.toLowerCase()))) return { kind: 'wrapper', tag: tags[0].name };
  return { kind: 'literal' };
}

/** Slidev's slot markers (`::right::`, `::default::`) for two-column layouts. */
export const SLOT = /^::([\w-]+)::$/;
