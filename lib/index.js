// talkreel's library entry for plain Node: talkreel ships its TypeScript sources and runs them
// through tsx (as bin/talkreel.js does), so this registers tsx, then re-exports src/index.ts.
// TypeScript users get the types from src/index.ts (package.json "exports" -> "types").
import { register } from 'tsx/esm/api';

register();
const api = await import('../src/index.ts');

export const {
  loadDeck,
  parseDeck,
  hasErrors,
  planTimeline,
  renderTalk,
  renderThumbnails,
  renderDecks,
  expandDecks,
  openSession,
  watchDeck,
  chooseBrowser,
  DeckError,
  TalkreelError,
  DEFAULT_DECK,
} = api;
