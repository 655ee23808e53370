/** A segment captured frame by frame: its frames, and the key it is stored under. */
export interface FramesOf {
  key: string;
  frames: number[];
}

/**
 * The JPEG frames of motion segments as the browser delivers them (in any order, a frame possibly
 * shared by two segments): a segment is handed on once all of its frames are in, and its frames
 * are then let go.
 */
export class MotionFrames<S extends FramesOf> {
  private readonly waiting = new Map<number, Buffer>();
  private readonly segmentsOfFrame = new Map<number, { segment: S; left: Set<number> }[]>();

  constructor(segments: S[]) {
    for (const segment of segments) {
      const pending = { segment, left: new Set(segment.frames) };
      for (const f of segment.frames) this.segmentsOfFrame.set(f, [...(this.segmentsOfFrame.get(f) ?? []), pending]);
    }
  }

  /** Takes frame `f`; returns the segments it completed, each with its frames in order. */
  add(f: number, picture: Buffer): { segment: S; jpegs: Buffer[] }[] {
    this.waiting.set(f, picture);
    const complete: { segment: S; jpegs: Buffer[] }[] = [];
    for (const p of this.segmentsOfFrame.get(f) ?? []) {
      p.left.delete(f);
      if (p.left.size > 0) continue;
      const jpegs = p.segment.frames.map((x) => this.waiting.get(x) as Buffer);
      for (const x of p.segment.frames) this.waiting.delete(x);
      complete.push({ segment: p.segment, jpegs });
    }
    return complete;
  }
}
