import os from 'node:os';
import pLimit from 'p-limit';
import { sha256, type Store } from './cache.js';
import { concatSegments } from './encode.js';

/**
 * The talk's video is joined in two steps: each slide's segments into one chunk, then the chunks
 * into the MP4. ffmpeg's concat demuxer spends 5-11 ms on each file it opens (decoder set-up), and a talk lists
 * hundreds (every half-second GOP of a hold is one entry), so the final join reads one file per
 * slide instead. A chunk is cached under the keys of its segments: after an edit only the chunks
 * of the slides that changed are joined again. Both steps copy the stream; nothing is re-encoded.
 */
export async function joinChunks(groups: { key: string; file: string }[][], store: Store, signal?: AbortSignal): Promise<string[]> {
  const limit = pLimit(Math.max(1, os.cpus().length));
  return Promise.all(
    groups.map((segments) =>
      limit(async () => {
        if (segments.length === 1) return segments[0].file;
        const key = sha256(`chunk\n${segments.map((s) => s.key).join('\n')}`);
        const cached = store.get(key, 'mp4');
        if (cached) return cached;
        return store.produce(key, 'mp4', (tmp) => concatSegments(segments.map((s) => s.file), tmp, {}, signal));
      }),
    ),
  );
}
