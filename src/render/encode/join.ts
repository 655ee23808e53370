import path from 'node:path';
import type { AudioTrack } from '../audio/audio.js';
import type { Store } from '../cache/cache.js';
import type { SegmentPlan } from '../plan/segments.js';
import { joinChunks } from './chunks.js';
import { concatSegments, type ChapterMark } from './mux.js';

export interface JoinInputs {
  plan: Pick<SegmentPlan, 'planned' | 'segments'>;
  /** Where the segments are (all of them, once the encoders are done). */
  store: Store;
  fps: number;
  /** The MP4 to write. */
  video: string;
  metadata: Record<string, string>;
  chapters?: ChapterMark[];
  audio?: Promise<AudioTrack> | null;
  signal?: AbortSignal;
}

/**
 * Joins the segments into the MP4, by stream copy: each slide's segments into a chunk (a hold's
 * GOP as many times as it repeats), then the chunks, with chapters and sound. Returns the files it
 * read, which the cache's pruning must keep.
 */
export async function joinVideo(input: JoinInputs): Promise<string[]> {
  const { plan, store } = input;
  const fileOf = new Map<string, string>();
  const entry = (key: string) => {
    if (!fileOf.has(key)) fileOf.set(key, mustGet(store, key));
    return { key, file: fileOf.get(key) as string };
  };
  const runs: { slide: number; segments: { key: string; file: string }[] }[] = [];
  plan.planned.forEach((p, i) => {
    const { slide } = plan.segments[i];
    if (runs.at(-1)?.slide !== slide) runs.push({ slide, segments: [] });
    const keys = p.kind === 'motion' ? [p.key] : p.parts.flatMap((part) => Array<string>(part.repeat).fill(part.key));
    runs[runs.length - 1].segments.push(...keys.map(entry));
  });
  const chunks = await joinChunks(runs.map((r) => r.segments), store, input.fps, input.signal);
  const files = [...new Set([...fileOf.values(), ...chunks])];
  await concatSegments(chunks, input.video, input.metadata, input.signal, input.chapters, (await input.audio) ?? null);
  return files;
}

/** The entry's file; an entry this render made or checked cannot be missing, unless removed under it. */
export function mustGet(store: Store, key: string, ext = 'mp4'): string {
  const file = store.get(key, ext);
  if (!file) throw new Error(`cache entry ${path.basename(store.pathOf(key, ext))} vanished during the render`);
  return file;
}
