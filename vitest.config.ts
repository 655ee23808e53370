import { defineConfig } from 'vitest/config';

/**
 * Test files share their worker's loaded modules (`isolate: false`): each file would otherwise
 * start a worker of its own and load vitest, the Markdown and highlighting stacks and Remotion's
 * renderer anew, about a core-second per file on a small machine. Module state the code keeps
 * (memos of paths, hashes and converted pictures) is keyed by what it holds, and every setting
 * (cache folder, browser) is read from the environment when used, so a file sees nothing of the
 * files before it.
 *
 * The tests of tests/prepare/ keep a module graph of their own: they count how often Shiki,
 * KaTeX and mermaid are loaded.
 */
const isolated = ['tests/prepare/**/*.test.ts'];

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
      { test: { ...common, name: 'shared', include: ['tests/**/*.test.ts'], exclude: isolated, isolate: false } },
      { test: { ...common, name: 'isolated', include: isolated } },
    ],
  },
});
