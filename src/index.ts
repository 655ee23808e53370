/** talkreel's library API: the same functions the `talkreel` CLI calls. */
export { loadDeck, type LoadedDeck, type LoadOptions } from './deck/load.js';
export { parseDeck, hasErrors, type ParseResult } from './deck/parse.js';
export type { Deck, Slide, Block, Run, Diagnostic, Layout } from './deck/model.js';
export { planTimeline, type Timeline, type TimelineSlide } from './timing/plan.js';
export { DeckError } from './deck/errors.js';
export { renderTalk, type RenderOptions, type RenderResult, type RenderProgress } from './render/render-talk.js';
export { chooseBrowser } from './render/browser.js';
export { TalkreelError } from './errors.js';
