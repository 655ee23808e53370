import fs from 'node:fs';
import path from 'node:path';
import { getCompositions } from '@remotion/renderer';
import { describe, expect, it } from 'vitest';
import { loadDeck, planTimeline } from '../../src/index.js';
import { bundleCompositions } from '../../src/render/browser/bundle.js';
import { chooseBrowser } from '../../src/render/browser/browser.js';
import { packageRoot } from '../../src/render/cache/root.js';

describe('Root', () => {
  it('without input props (Studio, `npx remotion render Talk`) shows the default deck, parsed in the page', async () => {
    const serveUrl = await bundleCompositions();
    const browserExecutable = chooseBrowser(undefined, packageRoot).executablePath;
    const compositions = await getCompositions(serveUrl, { inputProps: {}, browserExecutable, chromeMode: 'headless-shell', logLevel: 'error' });
    const { deck } = loadDeck(path.join(packageRoot, 'deck', 'scaling-python.md'));
    const timeline = planTimeline(deck);
    const talk = compositions.find((c) => c.id === 'Talk');
    expect(talk?.durationInFrames).toBe(timeline.durationInFrames);
    expect(compositions.filter((c) => c.id.startsWith('Slide-'))).toHaveLength(deck.slides.length);
  });

  it('a render page does not load the Markdown and YAML parsers: renders pass the parsed deck', async () => {
    const serveUrl = await bundleCompositions();
    const main = fs.readFileSync(path.join(serveUrl, 'bundle.js'), 'utf8');
    expect(main).toContain('./src/compositions/Root.tsx');
    for (const parser of ['node_modules/micromark', 'node_modules/yaml', 'node_modules/unified']) expect(main).not.toContain(parser);
  });
});
