/**
 * talkreel's library API: the same functions the `talkreel` CLI calls.
 *
 *   import { loadDeck, planTimeline, renderTalk, renderThumbnails } from 'talkreel';
 */
export { loadDeck, DEFAULT_DECK, type LoadedDeck, type LoadOptions } from './deck/load.js';
export { parseDeck, hasErrors, type ParseResult } from './deck/parse.js';
export type { Deck, Slide, SlideStyle, Block, Run, Diagnostic, Layout } from './deck/model.js';
export { planTimeline, type Timeline, type TimelineSlide } from './timing/plan.js';
export { parseTimings, deckStarts, checkStarts, type StartTime } from './timing/starts.js';
export { planChapters, chaptersText, type Chapter } from './publish/chapters.js';
export { planCaptions, toSrt, toVtt, type Cue } from './publish/captions.js';
export { DeckError } from './deck/errors.js';
export { renderTalk, renderThumbnails } from './render/render-talk.js';
export type { RenderOptions, RenderResult, RenderProgress } from './render/plan/render-plan.js';
export { renderDecks, expandDecks, type DeckOutcome, type RenderDecksOptions } from './render/render-decks.js';
export { watchDeck, type WatchEvent, type WatchOptions } from './render/watch.js';
export { openSession, type RenderSession, type SessionOptions } from './render/browser/session.js';
export { checkTextFit } from './render/capture/visual-check.js';
export { chooseBrowser } from './render/browser/browser.js';
export { TalkreelError } from './errors.js';
