import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { createWorker, PSM } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBrowser } from '../../../src/render/browser/browser.js';
import { root, talkreel } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

/**
 * The page that renders slides reaches nothing but its own server on `localhost`, and a deck
 * cannot make it try: raw HTML is text. A local HTTP server, listening on every address, logs
 * what reaches it.
 */
const tmp = tempDir('offline');
const seen: string[] = [];
/** The requests that came over IPv6 loopback ([::1]). */
const overIPv6: string[] = [];
let port = 0;
const server = http.createServer((req, res) => {
  seen.push(`${req.headers.host}${req.url}`);
  if (req.socket.remoteAddress === '::1') overIPv6.push(`${req.headers.host}${req.url}`);
  if (req.url === '/page') {
    const others = [`127.0.0.1:${port}`, `127.0.0.2:${port}`, `${os.hostname()}:${port}`, `[::1]:${port}`];
    res.setHeader('content-type', 'text/html');
    res.end(
      `<html><body>page<img src="http://localhost:${port}/allowed.png">` +
        others.map((o, i) => `<img src="http://${o}/blocked-${i}.png">`).join('') +
        `<link rel="stylesheet" href="http://127.0.0.1:${port}/blocked.css"></body></html>`,
    );
    return;
  }
  res.statusCode = 404;
  res.end();
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, resolve)); // every address, IPv4 and IPv6
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  server.close();
});

/**
 * Loads `url` in `browser` and returns every request the server saw meanwhile: once the page's
 * allowed picture has been asked for and two seconds have passed without a new request (the
 * page's pictures and stylesheet are asked for at once; on a busy machine the page itself may come
 * seconds before them), the browser is stopped. (`--dump-dom` would return once the page has
 * loaded, but this headless shell waits on the refused requests for a minute.)
 */
async function visit(browser: string, url: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  seen.length = 0;
  overIPv6.length = 0;
  const child = spawn(browser, ['--headless', '--no-sandbox', '--no-proxy-server', '--proxy-bypass-list=*', '--dump-dom', url], { env: { ...process.env, ...env }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  let count = -1;
  let quietSince = Date.now();
  while (Date.now() - started < 60_000) {
    const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 250))]);
    if (done) break;
    if (seen.length !== count) [count, quietSince] = [seen.length, Date.now()];
    if (seen.some((s) => s.endsWith('/allowed.png')) && Date.now() - quietSince >= 2_000) break;
  }
  child.kill('SIGKILL');
  await exited;
  return [...seen].sort();
}

describe('the browser that renders slides', () => {
  it('loads from localhost and reaches no other address or name (the bare browser does)', async () => {
    const wrapper = chooseBrowser(undefined, root).executablePath as string;
    const bare = path.join(path.dirname(wrapper), 'chromium');
    const page = `http://localhost:${port}/page`;
    // Control: the same Chromium without talkreel's flags reaches every address on the page.
    const control = await visit(bare, page, { LD_LIBRARY_PATH: path.join(path.dirname(wrapper), 'lib') });
    expect(control).toEqual(expect.arrayContaining([`127.0.0.1:${port}/blocked-0.png`, `127.0.0.2:${port}/blocked-1.png`, `${os.hostname()}:${port}/blocked-2.png`]));
    // Even with Remotion's own proxy flags (passed above), talkreel's browser only reaches localhost,
    // and over IPv4: on [::1] it could meet another render's search for a free port (browser.ts).
    expect(await visit(wrapper, page)).toEqual([`localhost:${port}/allowed.png`, `localhost:${port}/page`]);
    expect(overIPv6).toEqual([]);
  });
});

describe('a deck with raw HTML, scripts and remote references in it', () => {
  it('shows their text, runs and applies none of it, and makes no request at all', async () => {
    const deck = path.join(tmp, 'html.md');
    // A Marp deck: its remote pictures are shown as their address (a warning), not an error.
    fs.writeFileSync(
      deck,
      [
        '---',
        'marp: true',
        '---',
        '',
        '# Raw HTML',
        '',
        `<script>document.body.innerHTML = '<h1>REPLACED</h1>'; fetch('http://localhost:${port}/script')</script>`,
        '',
        '---',
        '',
        `<img src="http://localhost:${port}/img.png"><style>body { background: url(http://127.0.0.1:${port}/css.png) }</style>`,
        '',
        `<p style="background: url(http://127.0.0.1:${port}/style.png)" onclick="fetch('http://localhost:${port}/click')">Styled <b>text</b></p>`,
        '',
      ].join('\n'),
    );
    seen.length = 0;
    const out = path.join(tmp, 'out');
    const r = await talkreel(['render', deck, '--out', out, '--no-video', '--resolution', '1280x720', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(seen).toEqual([]);

    const require = createRequire(import.meta.url);
    const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
    const worker = await createWorker('eng', 1, { langPath, gzip: true, cacheMethod: 'none' });
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
    const text: string[] = [];
    for (const name of fs.readdirSync(path.join(out, 'thumbnails')).sort()) {
      const { data } = await worker.recognize(inverted(path.join(out, 'thumbnails', name)));
      text.push(data.text.toLowerCase());
    }
    await worker.terminate();
    // The script is left out (a warning says so) and did not replace the slide; the remote picture
    // shows its address in its place; the style is never applied, the paragraph's text is shown.
    expect(r.stderr).toMatch(/unsupported-html/);
    expect(r.stderr).toMatch(/image-remote/);
    expect(text[0]).toContain('raw html');
    expect(text[0]).not.toContain('replaced');
    expect(text[1]).toMatch(/img\.png/);
    expect(text[1]).toMatch(/styled text/);
    expect(text[1]).not.toMatch(/background|style\.png|onclick/);
  });
});

/** Light text on a dark slide as dark text on white, for OCR. */
function inverted(file: string): Buffer {
  const png = PNG.sync.read(fs.readFileSync(file));
  for (let i = 0; i < png.data.length; i += 4) {
    const v = 255 - Math.max(png.data[i], png.data[i + 1], png.data[i + 2]);
    png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
  }
  return PNG.sync.write(png);
}
