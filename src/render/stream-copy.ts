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
  return new Uint8Array(output.target.buffer as ArrayBuffer);
}

/** The frame a packet shows, counted from its stream's start. */
export const frameOf = (packet: EncodedPacket, fps: number) => Math.round(packet.timestamp * fps);

/** Whether two streams have the same codec set-up, so that one can follow the other. */
export function sameSetup(a: VideoDecoderConfig, b: VideoDecoderConfig): boolean {
  const bytes = ({ description: d }: VideoDecoderConfig) => (!d ? Buffer.alloc(0) : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d));
  return a.codec === b.codec && a.codedWidth === b.codedWidth && a.codedHeight === b.codedHeight && bytes(a).equals(bytes(b));
}
