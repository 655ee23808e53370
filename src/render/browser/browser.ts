import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import * as tar from 'tar';
import { cacheDir } from '../cache/cache-dir.js';
import { TalkreelError } from '../../errors.js';

/**
 * Which browser renders the slides.
 *
 * Remotion downloads Chrome Headless Shell on first use, which fails on machines without internet.
 * On Linux x64 talkreel therefore defaults to the headless Chromium that `@sparticuz/chromium`
 * ships inside its npm package. That build links NSS (libnss3, libnspr4, ...), which a bare
 * machine lacks; the package carries those libraries in `bin/al2023.tar.br` but only unpacks them
 * on AWS Lambda. We unpack the browser, the libraries and its fonts into our cache folder once,
 * and start the browser through a small shell wrapper that puts the libraries on
 * LD_LIBRARY_PATH, so no global environment of the Node process is touched.
 */
export interface BrowserChoice {
  /** Executable to pass to Remotion as `browserExecutable`; null lets Remotion use its own. */
  executablePath: string | null;
  source: 'option' | 'env' | 'bundled' | 'remotion';
}

export const BROWSER_ENV = 'TALKREEL_BROWSER';

export function chooseBrowser(explicit: string | null | undefined, root: string): BrowserChoice {
  const fromOption = explicit?.trim();
  if (fromOption) return { executablePath: offline(root, checkExecutable(fromOption, '--browser')), source: 'option' };
  const fromEnv = process.env[BROWSER_ENV]?.trim();
  if (fromEnv) return { executablePath: offline(root, checkExecutable(fromEnv, BROWSER_ENV)), source: 'env' };
  if (process.platform === 'linux' && process.arch === 'x64') {
    return { executablePath: ensureBundledChromium(root), source: 'bundled' };
  }
  return { executablePath: null, source: 'remotion' };
}

function checkExecutable(file: string, from: string): string {
  const resolved = path.resolve(file);
  try {
    fs.accessSync(resolved, fs.constants.X_OK);
  } catch {
    throw new TalkreelError('browser-missing', `${from}: no executable browser at ${resolved}`);
  }
  return resolved;
}


/**
 * Chromium flags that keep the page offline: every host name but `localhost` (where Remotion
 * serves the bundle) resolves to nothing, and every request not to `localhost` goes to a proxy
 * that does not exist (this also catches IP addresses, which skip name resolution; loopback
 * addresses other than `localhost` included). Remotion's own proxy flags are dropped first:
 * `--no-proxy-server` would override ours.
 *
 * `localhost` is 127.0.0.1 only. Left to itself Chromium tries [::1] first, while Remotion's
 * server listens on 0.0.0.0 when the machine has no outside IPv6 address. A render that starts
 * looks for a free port by listening on it for a moment on each loopback address, [::1] first;
 * on a port another render is serving on, that listen succeeds for [::1] alone, and a page of the
 * other render that connects right then gets its connection reset: `net::ERR_CONNECTION_RESET`
 * on the page or a font, and the render fails (1 round in 40 of four renders at once). Remotion's
 * server always accepts IPv4: it listens on 0.0.0.0 or on :: (both families).
 */
const OFFLINE_ARGS = [
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>;localhost',
  '--host-resolver-rules=MAP localhost 127.0.0.1, MAP * ~NOTFOUND',
];

/**
 * All tabs share one renderer process. Screenshots are composited one at a time in the browser's
 * GPU process whatever the tabs, so a second renderer process buys little parallel work, and it
 * costs a process start and a second copy of the page's compiled scripts. Measured on 19
 * thumbnails at 1080p in two tabs: 5.4 s instead of 5.9 s.
 */
const PROCESS_ARGS = ['--renderer-process-limit=1'];

function wrapperScript(executable: string, env: string[] = []): string {
  return [
    '#!/bin/sh',
    '# Starts the browser that renders slides, offline and with one renderer process: see OFFLINE_ARGS',
    '# and PROCESS_ARGS in src/render/browser/browser.ts.',
    ...env,
    'for arg do',
    '  shift',
    '  case "$arg" in',
    '    --no-proxy-server|--proxy-server=*|--proxy-bypass-list=*|--host-resolver-rules=*) ;;',
    '    *) set -- "$@" "$arg" ;;',
    '  esac',
    'done',
    `exec ${executable} "$@" ${[...OFFLINE_ARGS, ...PROCESS_ARGS].map((a) => `'${a}'`).join(' ')}`,
    '',
  ].join('\n');
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Writes `file` (executable) unless it already holds `content`; atomic for browsers starting now. */
function writeScript(file: string, content: string): string {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o755 });
  fs.renameSync(tmp, file);
  return file;
}

/** A wrapper that starts a browser the user named, with the offline flags. */
function offline(root: string, executable: string): string {
  const name = `offline-${crypto.createHash('sha256').update(executable).digest('hex').slice(0, 16)}`;
  return writeScript(path.join(cacheDir(root), 'browser', name), wrapperScript(shellQuote(executable)));
}

function sparticuzDir(root: string): { binDir: string; version: string } {
  const require = createRequire(path.join(root, 'package.json'));
  // The package exports no `./package.json`: find it from the entry point (build/index.js).
  const pkgDir = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '..');
  const pkgJson = path.join(pkgDir, 'package.json');
  const version = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version as string;
  return { binDir: path.join(pkgDir, 'bin'), version };
}

/**
 * Unpacks @sparticuz/chromium into `<cache>/browser/chromium-<version>/` (once) and returns the
 * wrapper script that starts it. Synchronous so that `remotion.config.ts` can call it too.
 * The folder is built under a temporary name and renamed into place, so an interrupted unpack
 * is never mistaken for a complete one.
 */
export function ensureBundledChromium(packageRoot: string): string {
  const { binDir, version } = sparticuzDir(packageRoot);
  const root = path.join(cacheDir(packageRoot), 'browser');
  const target = path.join(root, `chromium-${version}`);
  const wrapper = path.join(target, 'talkreel-chromium');
  const fontsDir = path.join(target, 'fonts');
  // The browser's own libraries and fonts, whatever the machine has installed. The wrapper finds
  // them next to itself rather than at a path written in: caches that share this folder through a
  // link (as test caches do) all write the same wrapper, and none points it at their own path,
  // which is gone once that cache is removed.
  const script = wrapperScript('"$dir/chromium"', [
    'dir="${0%/*}"',
    'LD_LIBRARY_PATH="$dir/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"',
    'FONTCONFIG_PATH="$dir/fonts"',
    'export LD_LIBRARY_PATH FONTCONFIG_PATH',
  ]);
  if (fs.existsSync(path.join(target, '.complete'))) return writeScript(wrapper, script);

  fs.mkdirSync(root, { recursive: true });
  const staging = fs.mkdtempSync(path.join(root, `.staging-${version}-`));
  try {
    const chromium = path.join(staging, 'chromium');
    fs.writeFileSync(chromium, zlib.brotliDecompressSync(fs.readFileSync(path.join(binDir, 'chromium.br'))), {
      mode: 0o755,
    });
    for (const [archive, into] of [
      ['al2023.tar.br', staging], // -> lib/*.so (NSS)
      ['fonts.tar.br', path.join(staging, 'fonts')], // -> fonts.conf and fallback fonts
    ] as const) {
      fs.mkdirSync(into, { recursive: true });
      const tarFile = path.join(staging, `${archive}.tar`);
      fs.writeFileSync(tarFile, zlib.brotliDecompressSync(fs.readFileSync(path.join(binDir, archive))));
      tar.x({ sync: true, file: tarFile, cwd: into });
      fs.rmSync(tarFile);
    }
    // The packaged fonts.conf points at Lambda's folders; write one that points at ours, so text
    // falls back to the same fonts on every machine whatever fonts it has installed.
    fs.writeFileSync(
      path.join(staging, 'fonts', 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${fontsDir}/fonts</dir>\n  <cachedir>${fontsDir}/cache</cachedir>\n</fontconfig>\n`,
    );
    fs.writeFileSync(path.join(staging, 'talkreel-chromium'), script, { mode: 0o755 });
    fs.writeFileSync(path.join(staging, '.complete'), `${version}\n`);
    try {
      fs.renameSync(staging, target);
    } catch (err) {
      // Another process finished first: use its copy. Anything else (a stale partial folder
      // without `.complete`) is replaced.
      if (!fs.existsSync(path.join(target, '.complete'))) {
        fs.rmSync(target, { recursive: true, force: true });
        fs.renameSync(staging, target);
      } else if ((err as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw err;
      }
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return wrapper;
}
