import fs from 'node:fs';
import path from 'node:path';
import type { Deck } from '../deck/model.js';
import type { PublishPlan } from './plan.js';
import { toSrt, toVtt } from './captions.js';
import { chaptersText } from './chapters.js';
import { galleryPage } from './page.js';
import type { Timeline } from '../timing/plan.js';
import { writeContactSheet } from './contact-sheet.js';
import { ffmpegPath, run } from '../render/encode/ffmpeg.js';
import { cacheLimitBytes, sha256, Store } from '../render/cache/cache.js';

/** Files written for publishing, relative to the output folder; null when not written. */
export interface PublishedFiles {
  chapters: string | null;
  captions: { srt: string; vtt: string } | null;
  poster: string | null;
  contactSheet: string | null;
  page: string | null;
}

export const POSTER = { width: 1280, height: 720, maxBytes: 2 * 1024 * 1024 } as const;

/**
 * The slide the poster shows: the deck's `poster: N` when that slide was rendered, else the
 * first title slide, else the first slide.
 */
export function posterSlide(deck: Deck): number {
  const wanted = deck.options.poster;
  if (wanted !== undefined && deck.slides.some((s) => s.index === wanted)) return wanted;
  return (deck.slides.find((s) => s.layout === 'title') ?? deck.slides[0]).index;
}

/**
 * poster.jpg: 1280x720 (cropped to fill when the talk is not 16:9), under 2 MB. With a `store`,
 * kept under a hash of the slide's PNG: an unchanged poster slide costs no ffmpeg run.
 */
export async function writePoster(png: string, out: string, signal?: AbortSignal, store?: Store): Promise<void> {
  const { width, height, maxBytes } = POSTER;
  const key = store ? sha256(`poster ${width}x${height}\n${sha256(fs.readFileSync(png))}`) : null;
  const cached = key && store?.get(key, 'jpg');
  if (cached) return fs.copyFileSync(cached, out);
  for (const q of [2, 4, 8, 16]) {
    await run(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', png, '-vf',
      `scale=${width}:${height}:force_original_aspect_ratio=increase:flags=lanczos,crop=${width}:${height},format=yuvj420p`,
      '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', String(q), '-f', 'image2', out], { signal });
    if (fs.statSync(out).size < maxBytes) {
      if (key) store?.put(key, 'jpg', { data: fs.readFileSync(out) });
      return;
    }
  }
  throw new Error(`poster.jpg stays over ${maxBytes / 1024 / 1024} MB even at low quality`);
}

export interface PublishJob {
  plan: PublishPlan;
  deck: Deck;
  timeline: Timeline;
  staging: string;
  title: string;
  video: string | null;
  /** Each rendered slide's picture (full size, in the staging folder) and its name for the page. */
  stills: { index: number; png: string; thumbnail: string | null }[];
  signal?: AbortSignal;
}

/** Writes chapters.txt, the captions, poster.jpg, contact-sheet.png and index.html into the staging folder. */
export async function writePublished(job: PublishJob): Promise<{ names: string[]; files: PublishedFiles }> {
  const { plan, staging, timeline } = job;
  const names: string[] = [];
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(staging, name), text);
    names.push(name);
    return name;
  };
  const files: PublishedFiles = { chapters: null, captions: null, poster: null, contactSheet: null, page: null };
  if (plan.chapters.length > 0) files.chapters = write('chapters.txt', chaptersText(plan.chapters));
  if (plan.cues.length > 0) files.captions = { srt: write('captions.srt', toSrt(plan.cues)), vtt: write('captions.vtt', toVtt(plan.cues)) };
  // The poster and the contact sheet's scaled pictures are cached by the pictures they come from.
  const store = new Store('published');
  const posterPng = job.stills.find((s) => s.index === posterSlide(job.deck))?.png;
  const poster = posterPng ? writePoster(posterPng, path.join(staging, 'poster.jpg'), job.signal, store) : null;
  const sheetSlides = job.stills.map((s) => {
    const slide = timeline.slides.find((t) => t.index === s.index);
    return { index: s.index, png: s.png, title: slide?.title ?? '', start: (slide?.start ?? 0) / timeline.fps };
  });
  const sheet = sheetSlides.length > 0 ? writeContactSheet(sheetSlides, timeline.width, timeline.height, path.join(staging, 'contact-sheet.png'), job.signal, store) : null;
  try {
    await Promise.all([poster, sheet]);
    store.prune(cacheLimitBytes());
  } finally {
    store.release();
  }
  if (poster) names.push((files.poster = 'poster.jpg'));
  if (sheet) names.push((files.contactSheet = 'contact-sheet.png'));
  const html = galleryPage({
    title: job.title,
    video: job.video,
    poster: files.poster,
    captionsVtt: plan.cues.length > 0 ? toVtt(plan.cues) : null,
    chapters: plan.chapters,
    durationSeconds: timeline.durationInFrames / timeline.fps,
    slides: job.deck.slides.map((s, i) => ({
      index: s.index,
      title: s.title,
      startSeconds: timeline.slides[i].start / timeline.fps,
      thumbnail: job.stills.find((x) => x.index === s.index)?.thumbnail ?? null,
    })),
  });
  files.page = write('index.html', html);
  return { names, files };
}

/** Publishing files a render may or may not write: one left from an earlier render is removed. */
const OPTIONAL = ['chapters.txt', 'captions.srt', 'captions.vtt', 'poster.jpg', 'contact-sheet.png', 'index.html'];

export function removeStalePublished(outDir: string, written: string[]): void {
  for (const name of OPTIONAL) if (!written.includes(name)) fs.rmSync(path.join(outDir, name), { force: true });
}
