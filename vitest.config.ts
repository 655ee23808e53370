import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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

/**
 * The files that take longest here, longest first: most of their time they wait (on killed
 * renders, hanging browsers, renders racing, tabs of probed decks), and started first they leave
 * the short files to fill both cores around them. Vitest orders files by the durations it
 * remembers, and on a fresh checkout, where it remembers none, by size: these would start late
 * and run alone at the end.
 */
const LONGEST = [
  'tests/render/interrupt.test.ts',
  'tests/render/browser/browser-failure.test.ts',
  'tests/render/cache/concurrent.test.ts',
  'tests/slides/dom-text.test.ts',
  'tests/render/fast.test.ts',
  'tests/cli/cli.test.ts',
  'tests/visual/references.test.ts',
  'tests/render/audio/audio-sync.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST.indexOf(path.relative(f.project.config.root, f.moduleId));
      return i === -1 ? LONGEST.length : i;
    };
    const sorted = await super.sort(files);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

/**
 * What both groups of files share; the global setup is the run's own, run once. The built library
 * (dist/, imported as `talkreel` by the tests of the package) is loaded by Node as a user's program
 * loads it: Vite would otherwise transform its 4 MB of chunks, with their source maps, for the
 * file that imports it (about 2.5 core-seconds).
 */
const common = { testTimeout: 600_000, hookTimeout: 600_000, setupFiles: ['tests/setup.ts'], server: { deps: { external: [/\/dist\//] } } };

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    // Three test files at a time: renders wait on their browser and on ffmpeg for part of their
    // time, and three keep both cores of a small machine busy. Checks that count seconds leave
    // room for it.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
    projects: [
      { test: { ...common, name: 'shared', include: ['tests/**/*.test.ts'], exclude: isolated, isolate: false } },
      { test: { ...common, name: 'isolated', include: isolated } },
    ],
  },
});
