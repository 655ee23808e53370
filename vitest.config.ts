import { defineConfig } from 'vitest/config';

/**
 * Tests of pure code (parsing, timing, layout maths, captions): no browser, no render, no child
 * process. They share their worker's loaded modules (`isolate: false`): each would otherwise load
 * the Markdown and highlighting stacks anew, about half a second of a core per file. The other
 * files keep a module graph of their own: they start processes, and a worker grown by the files
 * before it makes every start slower; and the tests of tests/prepare/ count how often Shiki, KaTeX
 * and mermaid are loaded.
 */
const pure = [
  'tests/deck/**/*.test.ts',
  'tests/timing/**/*.test.ts',
  // dom-text opens a browser.
  'tests/slides/!(dom-text).test.ts',
  'tests/publish/{captions,chapters,sheet-labels}.test.ts',
  'tests/corpus/**/*.test.ts',
];

/** What both groups of files share; the global setup is the run's own, run once. */
const common = { testTimeout: 600_000, hookTimeout: 600_000, setupFiles: ['tests/setup.ts'] };

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    // Three test files at a time: renders wait on their browser and on ffmpeg for part of their
    // time, and three keep both cores of a small machine busy. Checks that count seconds leave
    // room for it.
    maxWorkers: 3,
    projects: [
      { test: { ...common, name: 'pure', include: pure, isolate: false } },
      { test: { ...common, name: 'renders', include: ['tests/**/*.test.ts'], exclude: pure } },
    ],
  },
});
