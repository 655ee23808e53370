import { chromium, type Browser } from 'playwright-core';
import { chooseBrowser } from '../../src/render/browser/browser.js';
import { packageRoot } from '../../src/render/cache/root.js';

/** The same headless Chromium talkreel renders with, driven by Playwright. */
export async function openChromium(): Promise<Browser> {
  const executablePath = chooseBrowser(undefined, packageRoot).executablePath;
  if (!executablePath) throw new Error('no bundled Chromium on this platform');
  return chromium.launch({ executablePath, headless: true, args: ['--autoplay-policy=no-user-gesture-required'] });
}
