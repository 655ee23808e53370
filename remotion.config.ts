// Settings for the Remotion CLI and Studio (`npx remotion render Talk`, `npm run studio`).
// talkreel's own renders use the Node APIs, which never read this file: they pass the same
// settings explicitly (src/render/).
import { Config } from '@remotion/cli/config';
import { chooseBrowser } from './src/render/browser';
import { webpackOverride } from './src/render/webpack-override';

Config.overrideWebpackConfig(webpackOverride);
Config.setVideoImageFormat('jpeg');
Config.setPixelFormat('yuv420p');
Config.setColorSpace('bt709');
Config.setChromeMode('headless-shell');
const browser = chooseBrowser().executablePath;
if (browser) Config.setBrowserExecutable(browser);
