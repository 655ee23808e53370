import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.js';
import { describeFrame, segmentsOf, type Segment } from '../../src/timing/frames.js';
import { planTimeline, stillFrame } from '../../src/timing/plan.js';
import { fixture } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { framesAt, meanDifference, probeVideo, type Picture } from '../helpers/media.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

// The fast renderer against Remotion's own renderMedia (--exact), on the same deck, browser and
// encoder settings; then incremental re-renders and a damaged cache.
const tmp = tempDir('fast');
const cache = renderCache(path.join(tmp, 'cache'));
const env = { TALKREEL_CACHE_DIR: cache };
const command = new CommandRunner(env);
const deckFile = path.join(tmp, 'talk.md');
// At a quarter of its pixels: what is compared is which frames are captured and what they show.
fs.writeFileSync(deckFile, fs.readFileSync(fixture('small.md'), 'utf8').replace(/^resolution: 640x360$/m, 'resolution: 320x180'));
const { deck } = loadDeck(deckFile);
const timeline = planTimeline(deck);

// Every frame the checks below compare, decoded in one pass per video (the first time one is asked for).
const blend = segmentsOf(timeline).find((s): s is Extract<Segment, { kind: 'blend' }> => s.kind === 'blend' && s.frames.length > 10);
const [, bullets, quote] = timeline.slides;
const checkpoints: [string, number][] = [
  ['a transition\'s middle', bullets.start + Math.floor(bullets.transitionIn.frames / 2)],
  ['a build\'s middle', bullets.from + bullets.builds[1] + Math.floor(bullets.buildFrames / 2)],
  ['the attribution\'s entrance', quote.from + quote.builds[0] + 2],
  ...timeline.slides.flatMap((s): [string, number][] => [
    [`slide ${s.index}'s first held frame`, stillFrame(s)],
    [`slide ${s.index}'s last frame`, s.end - 1],
  ]),
];
const buildStep = bullets.from + bullets.builds[2] + 3;
const compared = [...(blend?.frames ?? []), ...checkpoints.map(([, n]) => n), bullets.end - 1, buildStep, buildStep + 3];
const decoded = new Map<string, Map<number, Picture>>();
function frame(video: string, n: number): Picture {
  if (!decoded.has(video)) decoded.set(video, framesAt(video, compared));
  const picture = decoded.get(video)?.get(n);
  if (!picture) throw new Error(`frame ${n} is not among the compared frames`);
  return picture;
}

const render = async (out: string, ...extra: string[]) => {
  const r = await command.run(['render', deckFile, '--out', out, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('fast render = exact render', () => {
  const fast = path.join(tmp, 'fast', 'talk.mp4');
  const exact = path.join(tmp, 'exact', 'talk.mp4');
  let summary: { stats: { captured: number } };

  beforeAll(async () => {
    summary = await render(path.join(tmp, 'fast'));
    await render(path.join(tmp, 'exact'), '--exact');
  });

  it('captures each distinct picture once: hold and blend ends as PNG, other motion frame by frame', () => {
    const segments = segmentsOf(timeline);
    const pngs = new Set([
      ...segments.flatMap((s) => (s.kind === 'hold' ? [s.frame] : s.kind === 'blend' ? [s.a, s.b] : [])),
      ...timeline.slides.map(stillFrame),
    ].map((f) => describeFrame(deck, timeline, f)));
    const motion = segments.flatMap((s) => (s.kind === 'motion' ? s.frames : []));
    expect(summary.stats.captured).toBe(pngs.size + motion.length);
    expect(summary.stats.captured).toBeLessThan(timeline.durationInFrames / 4);
  });

  it('computes every frame of a cross-fade as the browser draws it', () => {
    expect(blend).toBeDefined();
    // The exact render captures JPEGs, the blend is computed from PNGs: compare with the
    // difference the two captures of one held picture have, so a wrong opacity would show.
    const floor = meanDifference(frame(fast, stillFrame(timeline.slides[0])), frame(exact, stillFrame(timeline.slides[0])));
    for (const n of blend?.frames ?? []) expect(meanDifference(frame(fast, n), frame(exact, n)), `frame ${n}`).toBeLessThan(floor + 0.3);
  });

  it('has the same frame count as the exact render', () => {
    expect(Number(probeVideo(fast).nb_read_frames)).toBe(timeline.durationInFrames);
    expect(Number(probeVideo(exact).nb_read_frames)).toBe(timeline.durationInFrames);
  });

  it.each(checkpoints)('shows the same picture at %s (frame %i)', (_what, n) => {
    // Both are lossy encodes of lossy captures: equal within a small tolerance.
    expect(meanDifference(frame(fast, n), frame(exact, n))).toBeLessThan(2);
  });

  it('moves between frames that differ, and not during a hold', () => {
    const hold = stillFrame(bullets);
    expect(meanDifference(frame(fast, hold), frame(fast, bullets.end - 1))).toBeLessThan(0.5);
    expect(meanDifference(frame(fast, buildStep), frame(fast, buildStep + 3))).toBeGreaterThan(0.05);
  });
});

describe('incremental re-render', () => {
  it('after a one-slide edit captures only the frames that show that slide', async () => {
    const out = path.join(tmp, 'edit');
    await render(out); // warm: everything comes from the cache of the tests above or is made now
    const before = fs.readdirSync(path.join(out, 'thumbnails')).map((n) => fs.readFileSync(path.join(out, 'thumbnails', n)));

    const edited = fs.readFileSync(deckFile, 'utf8').replace('Simple things should be simple.', 'Complex things should be possible.');
    fs.writeFileSync(deckFile, edited);
    const editedDeck = loadDeck(deckFile).deck;
    const t2 = planTimeline(editedDeck);
    const quoteSlide = t2.slides[2];
    // Frames whose picture involves slide 3: its own sequence, which includes both transitions.
    const touched = new Set<string>();
    for (let f = quoteSlide.from; f < quoteSlide.from + quoteSlide.durationInFrames; f++) touched.add(describeFrame(editedDeck, t2, f));

    const summary = await render(out);
    expect(summary.stats.captured).toBeGreaterThan(0);
    expect(summary.stats.captured).toBeLessThanOrEqual(touched.size);
    expect(summary.stats.cachedSegments).toBeGreaterThan(0);
    expect(Number(probeVideo(path.join(out, 'talk.mp4')).nb_read_frames)).toBe(t2.durationInFrames);

    const after = fs.readdirSync(path.join(out, 'thumbnails')).map((n) => fs.readFileSync(path.join(out, 'thumbnails', n)));
    expect(after.map((b, i) => b.equals(before[i]))).toEqual([true, true, false, true]);
  });

  it('detects damaged cache entries, rebuilds them and never uses them', async () => {
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.(mp4|png)$/.test(e.name) && files.push(path.join(d, e.name))));
    walk(path.join(cache, 'segments'));
    walk(path.join(cache, 'frames'));
    expect(files.length).toBeGreaterThan(3);
    // Truncate every segment and picture, as a full disk or a killed copy would leave them.
    for (const f of files) fs.truncateSync(f, 100);

    const reference = path.join(tmp, 'edit', 'talk.mp4');
    const out = path.join(tmp, 'repaired');
    const summary = await render(out);
    expect(summary.stats.cachedSegments).toBe(0);
    expect(summary.stats.cachedFrames).toBe(0);
    expect(summary.stats.encodedSegments).toBeGreaterThan(3);
    const video = path.join(out, 'talk.mp4');
    expect(Number(probeVideo(video).nb_read_frames)).toBe(summary.durationInFrames);
    const stills = planTimeline(loadDeck(deckFile).deck).slides.map(stillFrame);
    const [repaired, edited] = [framesAt(video, stills), framesAt(reference, stills)];
    for (const n of stills) expect(meanDifference(repaired.get(n) as Picture, edited.get(n) as Picture), `frame ${n}`).toBeLessThan(1);
  });
});
