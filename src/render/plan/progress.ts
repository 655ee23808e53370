/** What a render reports as it goes: read by the command's progress bars and by library users. */
/**
 * `finish`: joining the video and moving the outputs into place. `loudness` and `audio` (measuring
 * and encoding the recording) run beside the others; their `done` and `total` are seconds.
 */
export type RenderPhase = 'bundle' | 'browser' | 'loudness' | 'audio' | 'capture' | 'encode' | 'video' | 'thumbnails' | 'finish';
export interface RenderProgress {
  phase: RenderPhase;
  done: number;
  total: number;
  /** `video` (exact mode): frames encoded so far. */
  encoded?: number;
  /** `capture`: pictures taken from the cache; `encode`: segments taken from the cache. */
  cached?: number;
}
