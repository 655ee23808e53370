import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { audioMuxArgs, type AudioTrack } from '../audio/audio.js';
import { ffmpegPath, run } from './ffmpeg.js';
import { withScratchFiles } from './scratch.js';

/**
 * H.264 settings shared by every segment. Segments are joined by stream copy, which is only
 * valid when all of them were encoded alike: each starts with a keyframe, GOPs are closed, and
 * every encode uses exactly these arguments. High profile, 4:2:0, limited range, tagged BT.709.
 */
export const ENCODER = { preset: 'veryfast', crf: 18, bframes: 2, gopSeconds: 0.5 } as const;

export const gopFrames = (fps: number) => Math.max(1, Math.round(fps * ENCODER.gopSeconds));

/** What every segment of one video is encoded with: frame rate, quality and bitrate ceiling. */
export interface VideoFormat {
  fps: number;
  crf: number;
  /** x264's VBV: peak rate and buffer, in kbit/s and kbit. */
  maxrate: number;
  bufsize: number;
}

/**
 * YouTube's recommended upload bitrates (SDR, kbit/s) at 24-30 fps and at 48-60 fps, by frame
 * size. A size between two rows takes the larger row's; one above 2160p scales 2160p's by area.
 */
export const YOUTUBE_BITRATES = [
  { pixels: 640 * 360, standard: 1000, high: 1500 },
  { pixels: 854 * 480, standard: 2500, high: 4000 },
  { pixels: 1280 * 720, standard: 5000, high: 7500 },
  { pixels: 1920 * 1080, standard: 8000, high: 12000 },
  { pixels: 2560 * 1440, standard: 16000, high: 24000 },
  { pixels: 3840 * 2160, standard: 45000, high: 68000 },
] as const;

export function videoFormat(width: number, height: number, fps: number, crf: number = ENCODER.crf): VideoFormat {
  const pixels = width * height;
  const row = YOUTUBE_BITRATES.find((r) => pixels <= r.pixels) ?? YOUTUBE_BITRATES[YOUTUBE_BITRATES.length - 1];
  const scale = Math.max(1, pixels / row.pixels);
  const maxrate = Math.round((fps > 30 ? row.high : row.standard) * scale);
  // A buffer of two seconds at the peak rate: room for a keyframe every half second.
  return { fps, crf, maxrate, bufsize: 2 * maxrate };
}

/** RGB pictures become limited-range BT.709 4:2:0, the same way in every segment. */
export const COLOUR = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];
const TO_YUV = 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p';

export function encoderArgs(v: VideoFormat, input: 'rgb' | 'jpeg' | 'yuv' = 'rgb'): string[] {
  const g = String(gopFrames(v.fps));
  return [
    '-c:v', 'libx264', '-preset', ENCODER.preset, '-crf', String(v.crf), '-maxrate', `${v.maxrate}k`, '-bufsize', `${v.bufsize}k`, '-profile:v', 'high',
    '-bf', String(ENCODER.bframes), '-g', g, '-keyint_min', g, '-sc_threshold', '0', '-flags', '+cgop',
    // Screenshots are RGB (PNG) or full-range BT.601 YCbCr (JPEG, as JFIF defines it): both end
    // up limited-range BT.709; raw frames already are.
    // JPEGs need swscale's accurate rounding: its fast path turns dark flat colours one code too dark.
    // Their chroma is sited between pixels; moved to H.264's default siting, every segment gets the
    // same sequence header, as joining by stream copy needs.
    ...(input === 'yuv' ? [] : ['-vf', input === 'jpeg' ? `scale=in_color_matrix=bt601:in_range=full:flags=accurate_rnd+full_chroma_int:out_chroma_loc=left:${TO_YUV.slice('scale='.length)}` : TO_YUV]),
    ...COLOUR,
    // Frames from the scale filter carry no primaries or transfer; write them into the stream itself.
    // Pixels are square whatever the input says (Chrome's JPEGs say so, raw frames do not): every
    // segment must have the same sequence header to be joined by stream copy.
    '-x264-params', 'colorprim=bt709:transfer=bt709:colormatrix=bt709:sar=1/1',
    '-an', '-f', 'mp4',
  ];
}

export const quiet = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];

/** Encodes distinct JPEG frames, in order, into one segment. */
export async function encodeFrames(jpegs: Buffer[], v: VideoFormat, out: string, signal?: AbortSignal): Promise<void> {
  await run(ffmpegPath(), [...quiet, '-f', 'image2pipe', '-c:v', 'mjpeg', '-framerate', String(v.fps), '-i', 'pipe:0',
    '-frames:v', String(jpegs.length), ...encoderArgs(v, 'jpeg'), out], { input: jpegs, signal });
}

/**
 * `(1 - alpha) * x + alpha * y`, byte by byte, in fixed point (alpha in steps of 1/256). Four
 * bytes at a time, as two 16-bit lanes of each 32-bit word: a lane's sum stays under 65,536
 * (255 * 256 + 128), so lanes never carry into each other and every byte comes out exactly as
 * `(x * (256 - w) + y * w + 128) >> 8`. A 1080p frame takes a quarter of the byte loop's time.
 * Written into `into` when given. With `ranges` (see differingRanges), only those bytes are
 * blended: `into` must hold x's bytes elsewhere, which are y's too, and the formula gives back
 * equal bytes unchanged.
 */
export function blendPlanes(x: Uint8Array, y: Uint8Array, alpha: number, into?: Buffer, ranges?: readonly (readonly [number, number])[]): Buffer {
  const w = Math.round(Math.min(1, Math.max(0, alpha)) * 256);
  const v = 256 - w;
  const d = into ?? Buffer.allocUnsafeSlow(x.length);
  for (const [start, end] of ranges ?? [[0, x.length]]) blendRange(x.subarray(start, end), y.subarray(start, end), d.subarray(start, end), v, w);
  return d;
}

function blendRange(x: Uint8Array, y: Uint8Array, d: Uint8Array, v: number, w: number): void {
  const aligned = x.byteOffset % 4 === 0 && y.byteOffset % 4 === 0 && d.byteOffset % 4 === 0;
  const words = aligned ? x.length >>> 2 : 0;
  if (words > 0) {
    const view = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, words);
    blendWords(view(x), view(y), view(d), v, w);
  }
  for (let i = words * 4; i < d.length; i++) d[i] = (x[i] * v + y[i] * w + 128) >> 8;
}

/**
 * The byte ranges, in blocks of `block` bytes (a multiple of 4), where two pictures differ. A
 * build fades in one list item: most of the frame is the same in both pictures, and needs no
 * blending.
 */
export function differingRanges(x: Uint8Array, y: Uint8Array, block = 16 * 1024): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < x.length; start += block) {
    const end = Math.min(x.length, start + block);
    if (Buffer.compare(x.subarray(start, end), y.subarray(start, end)) === 0) continue;
    const last = ranges.at(-1);
    if (last && last[1] === start) last[1] = end;
    else ranges.push([start, end]);
  }
  return ranges;
}

/**
 * The word loop on its own: V8 optimises it while it runs, and the code stays valid when the loop
 * ends (in one function with the byte loop below, it is thrown away at that loop every call).
 * Int32 views and Math.imul keep every value a 32-bit integer, with the same bits as the exact
 * sums, which stay under 2^32.
 */
function blendWords(x4: Int32Array, y4: Int32Array, d4: Int32Array, v: number, w: number): void {
  for (let i = 0; i < d4.length; i++) {
    const a = x4[i];
    const b = y4[i];
    const low = ((Math.imul(a & 0xff00ff, v) + Math.imul(b & 0xff00ff, w) + 0x800080) >>> 8) & 0xff00ff;
    const high = (Math.imul((a >>> 8) & 0xff00ff, v) + Math.imul((b >>> 8) & 0xff00ff, w) + 0x800080) & 0xff00ff00;
    d4[i] = low | high;
  }
}

export interface RawPicture {
  width: number;
  height: number;
  /** yuv420p planes, limited-range BT.709. */
  data: Buffer;
}

function readHead(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, fs.readSync(fd, head, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}

// A picture is usually held, and ends one cross-fade and starts the next: keep the last few
// (those a batch converts ahead of the segments that use them: see encodeSegments; 72 MB at 1080p).
const recent = new Map<string, Promise<RawPicture>>();
const RECENT = 24;

/**
 * Each PNG as limited-range BT.709 4:2:0, all those not converted lately in one ffmpeg run (each
 * run costs Node a process start: about 20 ms here). Frames go through scratch files, not stdout:
 * 3 MB through a 64-KB pipe costs Node more than the conversion.
 */
export function rawPictures(pngs: string[], signal?: AbortSignal): Promise<RawPicture>[] {
  const missing = [...new Set(pngs.filter((png) => !recent.has(png)))];
  if (missing.length > 0) {
    const converting = withScratchFiles(missing.length, async (raws) => {
      const outputs = missing.flatMap((_, i) => ['-map', `${i}:v`, '-vf', TO_YUV, '-c:v', 'rawvideo', '-f', 'image2pipe', raws[i]]);
      await run(ffmpegPath(), [...quiet, ...missing.flatMap((png) => ['-i', png]), ...outputs], { signal });
      return missing.map((png, i) => {
        const { width = 0, height = 0 } = imageSize(readHead(png, 64));
        const data = fs.readFileSync(raws[i]);
        if (data.length !== (width * height * 3) / 2) throw new Error(`could not convert ${path.basename(png)} to yuv420p`);
        return { width, height, data };
      });
    });
    missing.forEach((png, i) => {
      const one = converting.then((all) => all[i]);
      one.catch(() => recent.delete(png));
      recent.set(png, one);
    });
    while (recent.size > Math.max(RECENT, missing.length)) recent.delete(recent.keys().next().value as string);
  }
  return pngs.map((png) => recent.get(png) as Promise<RawPicture>);
}

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

