import type { Block, Slide } from '../../deck/model.js';

export interface LayoutProps {
  slide: Slide;
  /** Frames (relative to the slide's start) at which each build step starts, and its length. */
  builds: number[];
  buildFrames: number;
}

export const headingOf = (slide: Slide) => slide.blocks.find((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading');
export const blocksOf = <T extends Block['type']>(slide: Slide, type: T) =>
  slide.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);
