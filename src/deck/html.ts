import { html, Tokenizer, type Token, type TokenHandler } from 'parse5';

/**
 * Raw HTML in a deck, as its authors write it for Slidev and Marp. Nothing of it is ever run or
 * applied: talkreel reads the text and the few marks a slide can show (`<b>`, `<br>`, `<code>`,
 * ...) out of it, and draws them itself. The HTML is read by parse5, the parser browsers follow
 * (through hast-util-raw); this module holds what talkreel adds around it.
 */

/** Elements whose content is never shown: code, styles and embedded documents. */
export const DROPPED = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'noscript', 'link', 'meta', 'base', 'title']);
/** Media a still picture cannot play: left out with a warning (their fallback text is not content). */
export const MEDIA = new Set(['video', 'audio', 'canvas', 'svg', 'math', 'source', 'track', 'picture']);

/** Phrasing elements: their text flows in the line around them, with these marks. */
export const INLINE_MARKS: Record<string, 'strong' | 'em' | 'code' | 'kbd' | 'strike' | 'sub' | 'sup' | null> = {
  b: 'strong',
  strong: 'strong',
  i: 'em',
  em: 'em',
  cite: 'em',
  var: 'em',
  dfn: 'em',
  code: 'code',
  tt: 'code',
  samp: 'code',
  kbd: 'kbd',
  s: 'strike',
  del: 'strike',
  strike: 'strike',
  sub: 'sub',
  sup: 'sup',
  span: null,
  a: null,
  font: null,
  small: null,
  big: null,
  u: null,
  ins: null,
  mark: null,
  abbr: null,
  label: null,
  time: null,
  q: null,
  bdi: null,
  bdo: null,
  data: null,
  wbr: null,
  nobr: null,
  br: null,
  img: null,
  input: null,
};

/** Slidev's click-animation elements and attributes. */
export const CLICK_TAGS = new Set(['v-click', 'v-after', 'v-click-hide', 'v-switch', 'v-drag', 'v-motion', 'v-clicks']);

/** Slidev's slot markers (`::right::`, `::default::`) for two-column layouts. */
export const SLOT = /^::\s*([\w-]+)\s*::$/;

/** An element HTML does not define: a Vue component (`<Tweet>`, `<carbon-logo>`, `<carbon:arrow-right>`). */
export const isComponent = (tagName: string) => !CLICK_TAGS.has(tagName) && html.getTagID(tagName) === html.TAG_ID.UNKNOWN && !(tagName in INLINE_MARKS);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export interface ClosedHtml {
  value: string;
  /** Tag names as written (`Tweet`), by the lower-case name the parser gives them. */
  names: Map<string, string>;
}

/**
 * Vue templates close components with `/>` (`<Tweet id="1"/>`); HTML ignores that slash on any
 * element that is not void, so the parser would put everything after the component inside it.
 * This writes the end tag out (`<Tweet id="1"></Tweet>`), reading the tags with parse5's own
 * tokenizer, and records each tag's name as its author wrote it, for messages.
 */
export function closeSelfClosingTags(value: string): ClosedHtml {
  const inserts: { at: number; text: string }[] = [];
  const names = new Map<string, string>();
  const onTag = (token: Token.TagToken) => {
    const loc = token.location;
    if (!loc) return;
    const written = value.slice(loc.startOffset + 1, loc.startOffset + 1 + token.tagName.length);
    if (written.toLowerCase() === token.tagName) names.set(token.tagName, written);
    if (token.selfClosing && !VOID.has(token.tagName)) inserts.push({ at: loc.endOffset, text: `</${token.tagName}>` });
  };
  const ignore = () => undefined;
  const handler: TokenHandler = {
    onStartTag: onTag,
    onEndTag: ignore,
    onComment: ignore,
    onDoctype: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(value, true);
  let out = value;
  for (const { at, text } of inserts.reverse()) out = out.slice(0, at) + text + out.slice(at);
  return { value: out, names };
}
