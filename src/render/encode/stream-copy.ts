import type { EncodedPacket } from 'mediabunny';

// Loaded when first used: a run with nothing to encode or join does not pay for it.
const mediabunny = () => import('mediabunny');

/**
 * H.264 in MP4, read and written packet by packet, without decoding: segments are cut and joined
 * in this process instead of by one ffmpeg run each (ffmpeg's concat demuxer also spends 5-11 ms
 * on every file it lists).
 */
export interface VideoPackets {
  config: VideoDecoderConfig;
  /** Units per second of the stream's timestamps, kept in what is written from it. */
  timeScale: number;
  /** In decode order; timestamps are presentation times in seconds. */
  packets: EncodedPacket[];
}

export async function readVideoPackets(mp4: Uint8Array): Promise<VideoPackets> {
  const { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } = await mediabunny();
  const input = new Input({ source: new BufferSource(mp4), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    const config = await track?.getDecoderConfig();
    if (!track || !config) throw new Error('the file holds no video stream');
    const packets: EncodedPacket[] = [];
    for await (const packet of new EncodedPacketSink(track).packets()) packets.push(packet);
    return { config, timeScale: await track.getTimeResolution(), packets };
  } finally {
    input.dispose();
  }
}

/**
 * Writes packets (in decode order, each with its presentation time) as an MP4. The time scale is
 * kept: ffmpeg's concat demuxer, which joins the talk's parts, needs the same one in every file.
 */
export async function writeVideoPackets(packets: Iterable<EncodedPacket>, config: VideoDecoderConfig, timeScale: number): Promise<Uint8Array> {
  const { BufferTarget, EncodedVideoPacketSource, Mp4OutputFormat, Output } = await mediabunny();
  const output = new Output({ format: new Mp4OutputFormat(), target: new BufferTarget() });
  const source = new EncodedVideoPacketSource('avc');
  output.addVideoTrack(source, { frameRate: timeScale });
  await output.start();
  let first = true;
  for (const packet of packets) {
    await source.add(packet, first ? { decoderConfig: config } : undefined);
    first = false;
  }
  await output.finalize();
  return withoutClockTimes(new Uint8Array(output.target.buffer as ArrayBuffer));
}

/**
 * Zeroes the creation and modification times of the movie, track and media headers (mvhd, tkhd,
 * mdhd), as ffmpeg leaves them. mediabunny writes the current second there, so the same packets
 * written a second apart would give different bytes, and a render would not be reproducible.
 */
function withoutClockTimes(mp4: Uint8Array): Uint8Array {
  const view = new DataView(mp4.buffer, mp4.byteOffset, mp4.byteLength);
  const walk = (start: number, end: number) => {
    for (let at = start; at + 8 <= end; ) {
      let size = view.getUint32(at);
      let header = 8;
      if (size === 1) {
        size = Number(view.getBigUint64(at + 8));
        header = 16;
      } else if (size === 0) {
        size = end - at;
      }
      if (size < header || at + size > end) return;
      const type = String.fromCharCode(...mp4.subarray(at + 4, at + 8));
      if (type === 'moov' || type === 'trak' || type === 'mdia') walk(at + header, at + size);
      // After version (1 byte) and flags (3): the two times, 32-bit in version 0, 64-bit in version 1.
      else if (type === 'mvhd' || type === 'tkhd' || type === 'mdhd') mp4.fill(0, at + header + 4, at + header + 4 + (mp4[at + header] === 1 ? 16 : 8));
      at += size;
    }
  };
  walk(0, mp4.byteLength);
  return mp4;
}

/** The frame a packet shows, counted from its stream's start. */
export const frameOf = (packet: EncodedPacket, fps: number) => Math.round(packet.timestamp * fps);

/** Whether two streams have the same codec set-up, so that one can follow the other. */
export function sameSetup(a: VideoDecoderConfig, b: VideoDecoderConfig): boolean {
  const bytes = ({ description: d }: VideoDecoderConfig) => (!d ? Buffer.alloc(0) : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d));
  return a.codec === b.codec && a.codedWidth === b.codedWidth && a.codedHeight === b.codedHeight && bytes(a).equals(bytes(b));
}
