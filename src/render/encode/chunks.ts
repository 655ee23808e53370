import fs from 'node:fs';
import os from 'node:os';
import pLimit from 'p-limit';
import { sha256, type Store } from '../cache/cache.js';
import { frameOf, readVideoPackets, sameSetup, writeVideoPackets, type VideoPackets } from './stream-copy.js';

/**
 * The talk's video is joined in two steps: each slide's segments into one chunk, here, then the
 * chunks into the MP4 by ffmpeg (with chapters, metadata and sound). A slide lists many segments
 * (every half-second GOP of a hold is one entry, the same file again and again): this process
 * reads each file once and writes the chunk packet by packet, where ffmpeg's concat demuxer spent
 * 5-11 ms on every entry. A chunk is cached under the keys of its segments: after an edit only
 * the chunks of the slides that changed are joined again. Nothing is re-encoded.
 */
export async function joinChunks(groups: { key: string; file: string }[][], store: Store, fps: number, signal?: AbortSignal): Promise<string[]> {
  const limit = pLimit(Math.max(1, os.cpus().length));
  return Promise.all(
    groups.map((segments) =>
      limit(async () => {
        if (segments.length === 1) return segments[0].file;
        const key = sha256(`chunk\n${segments.map((s) => s.key).join('\n')}`);
        const cached = store.get(key, 'mp4');
        if (cached) return cached;
        signal?.throwIfAborted();
        const read = new Map<string, Promise<VideoPackets>>();
        const parts = segments.map(({ file }) => {
          if (!read.has(file)) read.set(file, readVideoPackets(fs.readFileSync(file)));
          return read.get(file) as Promise<VideoPackets>;
        });
        const joined = await joinPackets(await Promise.all(parts), fps);
        return store.produce(key, 'mp4', async (tmp) => fs.writeFileSync(tmp, joined));
      }),
    ),
  );
}

/** One stream of the parts one after another: each part's frames follow the last one's. */
async function joinPackets(parts: VideoPackets[], fps: number): Promise<Uint8Array> {
  const [{ config, timeScale }] = parts;
  if (parts.some((p) => !sameSetup(p.config, config) || p.timeScale !== timeScale)) throw new Error('segments of one slide were encoded with different settings');
  function* packets() {
    let offset = 0;
    for (const part of parts) {
      for (const packet of part.packets) yield packet.clone({ timestamp: (offset + frameOf(packet, fps)) / fps });
      offset += part.packets.length;
    }
  }
  return writeVideoPackets(packets(), config, timeScale);
}
