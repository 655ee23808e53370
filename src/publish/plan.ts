import type { Deck, Diagnostic } from '../deck/model.js';
import type { Timeline } from '../timing/plan.js';
import type { ChapterMark } from '../render/encode/mux.js';
import { planCaptions, type Cue } from './captions.js';
import { planChapters, type Chapter } from './chapters.js';

/**
 * What goes with the video for publishing it, planned before the render (the MP4 carries the
 * chapters). Planning only: `talkreel check` runs it without loading what writes the files (the
 * contact sheet's type renderer, ffmpeg).
 */
export interface PublishPlan {
  chapters: Chapter[];
  cues: Cue[];
  diagnostics: Diagnostic[];
}

export function planPublish(deck: Deck, timeline: Timeline): PublishPlan {
  const chapters = planChapters(deck, timeline);
  const captions = planCaptions(deck, timeline);
  return { chapters: chapters.chapters, cues: captions.cues, diagnostics: [...chapters.diagnostics, ...captions.diagnostics] };
}

export const chapterMarks = (p: PublishPlan): ChapterMark[] => p.chapters.map((c) => ({ start: c.startSeconds, end: c.endSeconds, title: c.title }));
