import type { Slide } from '../../deck/model.js';

export interface LayoutProps {
  slide: Slide;
  /** Frames (relative to the slide's start) at which each build step starts, and its length. */
  builds: number[];
  buildFrames: number;
}
