import { ffmpegPath, quiet, run } from './ffmpeg.js';

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
export const TO_YUV = 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p';

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

/** Encodes distinct JPEG frames, in order, into one segment. */
export async function encodeFrames(jpegs: Buffer[], v: VideoFormat, out: string, signal?: AbortSignal): Promise<void> {
  await run(ffmpegPath(), [...quiet, '-f', 'image2pipe', '-c:v', 'mjpeg', '-framerate', String(v.fps), '-i', 'pipe:0',
    '-frames:v', String(jpegs.length), ...encoderArgs(v, 'jpeg'), out], { input: jpegs, signal });
}
