import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { ffmpegPath, quiet, run } from './ffmpeg.js';
import { withScratchFiles } from './scratch.js';
import { TO_YUV } from './x264.js';

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
