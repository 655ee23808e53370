// The layers of src/ and what each may import, checked by tests/architecture.test.ts
// (`npx depcruise src` prints the same report). From the bottom up:
//
//   deck/, timing/      the deck core: Markdown to a typed deck, and the timeline. Plain code:
//                       no React, no Remotion, nothing from the layers above but design/.
//   design/             the theme's plain data (colours) that the deck's checks and the slides share.
//   prepare/, slides/   what a slide shows: highlighted code, formulas, diagrams; the layouts.
//   compositions/       the Remotion compositions (drawn in the browser): slides, deck, timing.
//   publish/            captions, chapters, the page, the contact sheet: may use the render's tools
//                       (cache, ffmpeg), never its entry points.
//   render/<step>/      the steps of a render (plan, browser, capture, encode, audio, cache, outputs):
//                       never the entry points above them.
//   render/*.ts         the entry points: render-talk, render-decks, watch, and the fast mode's steps.
//   cli/                the command; nothing imports it.
//
// Type-only imports count: a cycle of types is still a cycle to read through.
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No module imports itself through others, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'deck-core-is-pure',
      comment: 'deck/ and timing/ import no layer above them, nor React or Remotion.',
      severity: 'error',
      from: { path: '^src/(deck|timing)/' },
      to: { path: ['^src/(prepare|slides|compositions|publish|render|cli)/', 'node_modules/(react|react-dom|remotion|@remotion/[^/]+)/'] },
    },
    {
      name: 'design-is-data',
      comment: 'design/ is plain data: it may read the deck model, nothing else of talkreel.',
      severity: 'error',
      from: { path: '^src/design/' },
      to: { path: '^src/', pathNot: ['^src/design/', '^src/deck/model[.]ts$'] },
    },
    {
      name: 'slides-below-render',
      comment: 'prepare/ and slides/ draw and measure; they never reach the render, the compositions or the command.',
      severity: 'error',
      from: { path: '^src/(prepare|slides)/' },
      to: { path: '^src/(compositions|publish|render|cli)/' },
    },
    {
      name: 'compositions-below-render',
      comment: 'The compositions run in the browser: no render, publishing or command code.',
      severity: 'error',
      from: { path: '^src/compositions/' },
      to: { path: '^src/(publish|render|cli)/' },
    },
    {
      name: 'publish-below-entry-points',
      comment: 'Publishing may use the render steps\' tools, never the render entry points, the slides or the command.',
      severity: 'error',
      from: { path: '^src/publish/' },
      to: { path: ['^src/render/[^/]+[.]ts$', '^src/(slides|compositions|cli)/'] },
    },
    {
      name: 'steps-below-entry-points',
      comment: 'A render step (render/<step>/) never imports an entry point (render/*.ts).',
      severity: 'error',
      from: { path: '^src/render/[^/]+/' },
      to: { path: '^src/render/[^/]+[.]ts$' },
    },
    {
      name: 'command-on-top',
      comment: 'Only the command itself imports cli/.',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are dependencies too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
