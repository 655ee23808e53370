/**
 * `npm run bench`: talkreel against plain Remotion and Marp CLI, measured in one run with the same
 * browser and encoder settings. Prints a table and one JSON line. Options:
 *   --resolution R   (default 1080p)   --big N   slides in the generated deck (default 200)
 *   --skip-plain     skip the plain `remotion render` of the whole talk (it takes minutes)
 *   --only long-talk only the talk with a long recording (see long-talk.ts)
 *   --only aac-settings only the AAC encoder settings on a speech-like minute (see aac-settings.ts)
 *   --minutes N      the long recording's length (default 45)
 *   --rounds N       rounds of the long-talk rows (default 3)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chooseBrowser } from '../src/render/browser/browser.js';
import { packageRoot } from '../src/render/cache/root.js';
import { asMarp, bigDeck, withDuration, withEdit } from './decks.js';
import { measureFloor } from './floor.js';
import { benchAacSettings } from './aac-settings.js';
import { benchLongTalk, longTalkTable } from './long-talk.js';
import { measure, type Measured } from './measure.js';
import { watchEdits } from './watch.js';

const { values: opts } = parseArgs({
  options: {
    resolution: { type: 'string', default: '1080p' },
    big: { type: 'string', default: '200' },
    'skip-plain': { type: 'boolean', default: false },
    only: { type: 'string' },
    minutes: { type: 'string', default: '45' },
    rounds: { type: 'string', default: '3' },
  },
});
if (opts.only !== undefined && !['long-talk', 'aac-settings'].includes(opts.only)) throw new Error(`--only: "${opts.only}" is not a section that runs alone (long-talk, aac-settings)`);
const resolution = opts.resolution as string;
const bigCount = Number(opts.big);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'talkreel-bench-'));
const browser = chooseBrowser(null, packageRoot).executablePath as string;
const deckPath = path.join(packageRoot, 'deck', 'scaling-python.md');
const source = fs.readFileSync(deckPath, 'utf8');
// The `talkreel` command, built from src/ by `npm run bench` just before.
const bin = path.join(packageRoot, 'dist', 'cli.js');
// "Cold" means no rendered picture or segment in the cache. The bundle and the unpacked browser
// are one-time costs per installed version, shared by all runs as they are in real use.
const cacheRoot = path.join(work, 'cache');
const freshCache = () => {
  for (const kind of ['frames', 'segments']) fs.rmSync(path.join(cacheRoot, kind), { recursive: true, force: true });
  return cacheRoot;
};
const write = (name: string, text: string) => {
  const file = path.join(work, name);
  fs.writeFileSync(file, text);
  return file;
};
// Decks that name pictures under /art/ find them through this folder.
fs.symlinkSync(path.join(packageRoot, 'public'), path.join(work, 'public'));
const minutes = Number(opts.minutes);
const longTalk = async () => {
  const rows = await benchLongTalk({ bin, deck: deckPath, resolution, browser, work, minutes, rounds: Number(opts.rounds), log });
  process.stdout.write(`\ntalkreel with a ${minutes}-minute recording at ${resolution}, each from a cold cache; ${machine}\n\n${longTalkTable(rows, minutes)}\n\n${JSON.stringify({ longTalk: rows })}\n`);
};
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

const talkreel = (deck: string, out: string, cache: string, ...extra: string[]) =>
  measure(process.execPath, [bin, 'render', deck, '--out', path.join(work, out), '--resolution', resolution, '--json', ...extra], {
    TALKREEL_CACHE_DIR: cache,
    TALKREEL_BROWSER: browser,
  });
function log(line: string) {
  process.stderr.write(`${line}\n`);
}
if (opts.only === 'aac-settings') {
  process.stdout.write(`\nAAC settings on one minute of a speech-like signal; ${machine}\n\n${benchAacSettings(work)}\n`);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
if (opts.only === 'long-talk') {
  await longTalk();
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
// Each figure is printed as soon as it is measured, so a long run's partial results are kept.
const got = (what: string, m: Measured) => log(`    ${what}: ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMB} MB`);

// Warm-up: the bundlers' caches and the page cache, so that neither side pays for a first start.
await talkreel(path.join(packageRoot, 'tests', 'fixtures', 'decks', 'small.md'), 'warm', freshCache());

// Each talkreel measurement is taken three times (the median counts): on a shared 2-core
// machine one run can be off by a second or two, and one slow cold render would skew every
// share of it.
const median = (ms: Measured[]) => [...ms].sort((a, b) => a.seconds - b.seconds)[Math.floor(ms.length / 2)];
const ROUNDS = 3;

log('1/7 cold render of the talk');
const colds: Measured[] = [];
let coldCache = '';
for (let round = 0; round < ROUNDS; round++) {
  coldCache = freshCache();
  colds.push(await talkreel(deckPath, `cold-${round}`, coldCache));
  got(`cold (round ${round + 1})`, colds[round]);
}
const cold = median(colds);
const frames = JSON.parse(cold.stdout).durationInFrames as number;
let plain: Measured | null = null;
if (!opts['skip-plain']) {
  log('    ... and plain `remotion render Talk` (every frame)');
  const size = resolution === '1080p' ? '1920x1080' : resolution === '720p' ? '1280x720' : resolution;
  plain = await measure('npx', ['remotion', 'render', 'Talk', path.join(work, 'plain.mp4'), `--props=${JSON.stringify({ resolution: size })}`,
    '--codec=h264', '--crf=18', '--x264-preset=veryfast', '--image-format=jpeg', '--jpeg-quality=92', '--pixel-format=yuv420p',
    '--color-space=bt709', '--concurrency=2', '--muted', '--log=error'], { TALKREEL_BROWSER: browser }, packageRoot);
  got('plain remotion render', plain);
}

log('2/7 holds of 45 s against holds of 5 s');
const short = await talkreel(write('holds-5.md', withDuration(source, 5)), 'h5', freshCache());
const long = await talkreel(write('holds-45.md', withDuration(source, 45)), 'h45', freshCache());
got('holds 5 s', short);
got('holds 45 s', long);
const excerpt = (s: number) => write(`excerpt-${s}.md`, withDuration(source, s));
// Plain Remotion screenshots every frame: on two slides at 640x360 it already shows the trend.
const plainHolds = ['--exact', '--slides', '1-2', '--no-thumbnails', '--resolution', '640x360'];
const plainShort = await talkreel(excerpt(5), 'p5', freshCache(), ...plainHolds);
const plainLong = await talkreel(excerpt(45), 'p45', freshCache(), ...plainHolds);
got('plain, holds 5 s', plainShort);
got('plain, holds 45 s', plainLong);

log('3/7 re-render after a one-slide edit');
await talkreel(write('unedited.md', source), 'before-edit', coldCache);
// Each round rewords the same slide again: each is a re-render after a one-slide edit.
const edits: Measured[] = [];
for (let round = 0; round < ROUNDS; round++) {
  edits.push(await talkreel(write(`edited-${round}.md`, withEdit(source, round)), `after-edit-${round}`, coldCache));
  got(`after a one-slide edit (round ${round + 1})`, edits[round]);
}
const edit = median(edits);
// The same kind of edit while `talkreel watch --video` runs, as when rendering on every save: its
// browser and bundle stay open, and each round rewords the slide anew (rounds 3-5).
const watched = await watchEdits(process.execPath, bin, write('watched.md', source), [3, 4, 5].map((r) => withEdit(source, r)),
  ['--out', path.join(work, 'watched'), '--resolution', resolution], { TALKREEL_CACHE_DIR: coldCache, TALKREEL_BROWSER: browser });
watched.forEach((s, round) => log(`    in talkreel watch (round ${round + 1}): ${s.toFixed(1)} s`));
const watchEdit = [...watched].sort((a, b) => a - b)[1];

log('4/7 thumbnails only, and Marp CLI on the same slides');
const marpDir = path.join(work, 'marp');
fs.mkdirSync(marpDir);
const marpDeck = path.join(marpDir, 'deck.md');
fs.writeFileSync(marpDeck, asMarp(source, path.join(packageRoot, 'public'), marpDir));
const scale = resolution === '720p' ? '1' : resolution === '1080p' ? '1.5' : '2';
const thumbRuns: Measured[] = [];
const marpRuns: Measured[] = [];
// Side by side, round after round, so that both meet the same state of the machine.
for (let round = 0; round < ROUNDS; round++) {
  thumbRuns.push(await talkreel(deckPath, `thumbs-${round}`, freshCache(), '--no-video'));
  got(`thumbnails only (round ${round + 1})`, thumbRuns[round]);
  marpRuns.push(await measure(path.join(packageRoot, 'node_modules', '.bin', 'marp'), ['--images', 'png', '--image-scale', scale, '--allow-local-files',
    '--browser', 'chrome', '--browser-path', browser, marpDeck, '-o', path.join(marpDir, 'out.png')], { CHROME_PATH: browser }));
  got(`marp --images png (round ${round + 1})`, marpRuns[round]);
}
const thumbs = median(thumbRuns);
const marp = median(marpRuns);
const marpCount = fs.readdirSync(marpDir).filter((f) => /^out\.\d+\.png$/.test(f)).length;

log(`5/7 a generated deck of ${bigCount} slides`);
const big = await talkreel(write('big.md', bigDeck(bigCount)), 'big', freshCache());

log('6/7 the floor under a render in a new process');
const coldVideo = (JSON.parse(cold.stdout) as { video: string }).video;
const floor = await measureFloor({ bin, deck: deckPath, resolution, browser, cacheDir: cacheRoot, video: coldVideo });
log(`    start ${floor.startSeconds.toFixed(2)} s, first picture ${floor.firstPictureSeconds.toFixed(2)} s, then ${floor.pictureSeconds.toFixed(3)} s per picture (bare screenshot ${floor.bareShotSeconds.toFixed(3)} s), copying the MP4 ${floor.copySeconds.toFixed(2)} s`);
// Pictures each run captured (from its report): the floor is starting up and capturing them,
// and for a video writing it once.
const capturedBy = (m: Measured) => (JSON.parse(m.stdout) as { stats: { captured: number } }).stats.captured;
const floorOf = (pictures: number, video: boolean) =>
  floor.startSeconds + floor.firstPictureSeconds + Math.max(0, pictures - 1) * floor.pictureSeconds + (video ? floor.copySeconds : 0);
const editPictures = capturedBy(edit);
const thumbPictures = capturedBy(thumbs);

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const results = {
  machine,
  resolution,
  frames,
  coldSeconds: cold.seconds,
  plainSeconds: plain?.seconds ?? null,
  speedup: plain ? ratio(plain.seconds, cold.seconds) : null,
  holds5Seconds: short.seconds,
  holds45Seconds: long.seconds,
  holdsRatio: ratio(long.seconds, short.seconds),
  plainHoldsRatio2Slides: ratio(plainLong.seconds, plainShort.seconds),
  editSeconds: edit.seconds,
  editShare: ratio(edit.seconds, cold.seconds),
  watchEditSeconds: watchEdit,
  watchEditShare: ratio(watchEdit, cold.seconds),
  thumbnailsSeconds: thumbs.seconds,
  thumbnailsShare: ratio(thumbs.seconds, cold.seconds),
  marpSeconds: marp.seconds,
  marpImages: marpCount,
  thumbnailsVsMarp: ratio(thumbs.seconds, marp.seconds),
  bigSlides: bigCount,
  bigSeconds: big.seconds,
  secondsPerSlide19: cold.seconds / 19,
  secondsPerSlideBig: big.seconds / bigCount,
  perSlideRatio: ratio(big.seconds / bigCount, cold.seconds / 19),
  bigPeakRssMB: big.peakRssMB,
  coldPeakRssMB: cold.peakRssMB,
  floor,
  editFloorSeconds: floorOf(editPictures, true),
  editFloorShare: ratio(floorOf(editPictures, true), cold.seconds),
  thumbnailsFloorSeconds: floorOf(thumbPictures, false),
  thumbnailsFloorShare: ratio(floorOf(thumbPictures, false), cold.seconds),
};
const f = (n: number | null) => (n === null ? 'skipped' : `${n.toFixed(1)} s`);
const spread = (ms: Measured[]) => ms.map((m) => m.seconds.toFixed(1)).join(', ');
const rows = [
  ['cold render, 19 slides (MP4 + PNGs)', `${f(cold.seconds)} (median of ${spread(colds)} s)`, plain ? `plain remotion render: ${f(plain.seconds)} -> ${results.speedup}x faster` : 'plain: skipped'],
  ['all holds 45 s vs 5 s', `${f(long.seconds)} vs ${f(short.seconds)}`, `${results.holdsRatio}x (plain Remotion, slides 1-2 at 640x360: ${results.plainHoldsRatio2Slides}x)`],
  ['re-render after a one-slide edit', f(edit.seconds), `${Math.round(results.editShare * 100)}% of cold (median of ${spread(edits)} s)`],
  ['the same, in `talkreel watch --video`', f(watchEdit), `${Math.round(results.watchEditShare * 100)}% of cold (median of ${watched.map((s) => s.toFixed(1)).join(', ')} s, from the save to the report)`],
  ['thumbnails only (--no-video)', f(thumbs.seconds), `${Math.round(results.thumbnailsShare * 100)}% of cold (median of ${spread(thumbRuns)} s); Marp --images png: ${f(marp.seconds)} (median of ${spread(marpRuns)} s, ${marpCount} PNGs) -> ${results.thumbnailsVsMarp}x Marp's time`],
  ['floor of a new process, with no encoding', `edit ${f(results.editFloorSeconds)}, thumbnails ${f(results.thumbnailsFloorSeconds)}`,
    `${Math.round(results.editFloorShare * 100)}% and ${Math.round(results.thumbnailsFloorShare * 100)}% of cold: start ${floor.startSeconds.toFixed(2)} s + browser, page and first picture ${floor.firstPictureSeconds.toFixed(2)} s + ${floor.pictureSeconds.toFixed(2)} s for each of ${editPictures - 1} / ${thumbPictures - 1} more pictures (a bare screenshot: ${floor.bareShotSeconds.toFixed(2)} s) + for the edit, copying the MP4 ${floor.copySeconds.toFixed(2)} s`],
  [`generated deck, ${bigCount} slides`, f(big.seconds), `${results.secondsPerSlideBig.toFixed(2)} s/slide vs ${results.secondsPerSlide19.toFixed(2)} s/slide (${results.perSlideRatio}x); peak RSS ${big.peakRssMB} MB`],
];
process.stdout.write(`\ntalkreel benchmark at ${resolution}, ${frames} frames; ${results.machine}\n\n| measurement | time | comparison |\n| --- | --- | --- |\n`);
for (const r of rows) process.stdout.write(`| ${r.join(' | ')} |\n`);
process.stdout.write(`\n${JSON.stringify(results)}\n`);
log('7/7 the talk with a long recording');
await longTalk();
fs.rmSync(work, { recursive: true, force: true });
