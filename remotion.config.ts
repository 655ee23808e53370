// Settings for the Remotion CLI and Studio (`npx remotion render Talk`, `npm run studio`).
// talkreel's own renders use the Node APIs, which never read this file: they pass the same
// settings explicitly (src/render/).
import { Config } from '@remotion/cli/config';
import { chooseBrowser } from './src/render/browser/browser';
import { findPackageRoot } from './src/render/cache/cache-dir';
import { rspackOverride } from './src/render/browser/bundler-config';

// src/index.ts is the library API; the compositions are registered here.
Config.setEntryPoint('src/compositions/index.ts');
// The same bundler as talkreel's renders (src/render/browser/bundle.ts), with the same settings.
Config.setRspack(true);
Config.overrideRspackConfig(rspackOverride);
Config.setVideoImageFormat('jpeg');
Config.setPixelFormat('yuv420p');
Config.setColorSpace('bt709');
Config.setChromeMode('headless-shell');
// The Remotion CLI runs in the project folder.
const browser = chooseBrowser(process.env.TALKREEL_BROWSER, findPackageRoot(process.cwd())).executablePath;
if (browser) Config.setBrowserExecutable(browser);
