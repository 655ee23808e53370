import fs from 'node:fs';
import { audioMuxArgs, type AudioTrack } from '../audio/audio.js';
import { ffmpegPath, quiet, run } from './ffmpeg.js';

/** A chapter of the MP4, in seconds. */
export interface ChapterMark {
  start: number;
  end: number;
  title: string;
}

/**
 * Joins segments (a segment may be listed many times) by stream copy into a fast-start MP4, with
 * chapter atoms when given, and the sound track (copied, see audioMuxArgs). Chapters go in as the
 * concat script's `chapter` lines and get their titles as chapter metadata (this ffmpeg build
 * has no ffmetadata demuxer).
 */
export async function concatSegments(segments: string[], out: string, metadata: Record<string, string>, signal?: AbortSignal, chapters: ChapterMark[] = [], audio: AudioTrack | null = null): Promise<void> {
  const list = `${out}.txt`;
  const files = segments.map((s) => `file '${s.replace(/'/g, "'\\''")}'`);
  const marks = chapters.map((c, i) => `chapter ${i} ${c.start.toFixed(3)} ${c.end.toFixed(3)}`);
  fs.writeFileSync(list, ['ffconcat version 1.0', ...files, ...marks].join('\n') + '\n');
  const meta = Object.entries(metadata).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
  const titles = chapters.flatMap((c, i) => [`-metadata:c:${i}`, `title=${c.title}`]);
  const sound = audio ? audioMuxArgs(audio, 1) : { inputs: [], outputs: [] };
  try {
    await run(ffmpegPath(), [...quiet, '-f', 'concat', '-safe', '0', '-i', list, ...sound.inputs, '-map', '0:v', '-c:v', 'copy', ...sound.outputs, ...meta,
      '-map_chapters', chapters.length > 0 ? '0' : '-1', ...titles, '-movflags', '+faststart', '-f', 'mp4', out], { signal });
  } finally {
    fs.rmSync(list, { force: true });
  }
}
