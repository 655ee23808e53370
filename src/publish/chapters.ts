import { formatClock } from '../deck/clock.js';
import type { Deck, Diagnostic } from '../deck/model.js';
import type { Timeline } from '../timing/plan.js';

/** YouTube's rules for description chapters. */
export const CHAPTER_RULES = { minCount: 3, minSeconds: 10 } as const;

export interface Chapter {
  title: string;
  /** Whole second at which the chapter starts (chapter lists have one-second resolution). */
  startSeconds: number;
  /** Where it ends: the next chapter's start, or the end of the talk. */
  endSeconds: number;
  /** Slide numbers it covers. */
  slides: number[];
}

export interface ChapterPlan {
  /** Empty when the talk cannot make `CHAPTER_RULES.minCount` valid chapters. */
  chapters: Chapter[];
  diagnostics: Diagnostic[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Chapters of the talk. A deck that names chapters (`chapter:` on a slide) gets those, each running
 * until the next named one; otherwise every slide is a chapter. Then YouTube's rules: the first
 * starts at 0:00, and a chapter shorter than 10 s joins the one before it (the first, if short,
 * takes in the next). Fewer than 3 left: no chapters, and a warning that says why. Pure.
 */
export function planChapters(deck: Deck, timeline: Timeline): ChapterPlan {
  const { fps } = timeline;
  const total = timeline.durationInFrames / fps;
  const named = deck.slides.some((s) => s.chapter !== undefined);
  const groups: { title: string; start: number; slides: number[] }[] = [];
  deck.slides.forEach((slide, i) => {
    const t = timeline.slides[i];
    const start = Math.floor(t.start / fps);
    if (groups.length === 0 || !named || slide.chapter !== undefined) {
      groups.push({ title: oneLine(slide.chapter ?? slide.title), start: groups.length === 0 ? 0 : start, slides: [slide.index] });
    } else {
      groups[groups.length - 1].slides.push(slide.index);
    }
  });

  // A chapter shorter than the minimum joins the one before it; the first, if short, takes in the next.
  const merged: (typeof groups[number] & { end: number })[] = [];
  groups.forEach((g, i) => {
    const end = groups[i + 1]?.start ?? total;
    const last = merged.at(-1);
    if (last && (end - g.start < CHAPTER_RULES.minSeconds || last.end - last.start < CHAPTER_RULES.minSeconds)) {
      last.slides.push(...g.slides);
      last.end = end;
    } else {
      merged.push({ ...g, slides: [...g.slides], end });
    }
  });
  const chapters = merged.map((g) => ({ title: g.title, startSeconds: g.start, endSeconds: g.end, slides: g.slides }));
  if (chapters.length >= CHAPTER_RULES.minCount) {
    return { chapters, diagnostics: [] };
  }
  return {
    chapters: [],
    diagnostics: [{
      severity: 'warning',
      code: 'chapters-too-few',
      message: `the talk makes ${chapters.length} chapter${chapters.length === 1 ? '' : 's'} of at least ${CHAPTER_RULES.minSeconds} s; ` +
        `YouTube needs ${CHAPTER_RULES.minCount}, so no chapters.txt and no chapters in the MP4 (give slides more time, or name longer chapters with \`chapter:\`)`,
      file: deck.file,
      line: deck.slides[0]?.line ?? 1,
      column: 1,
    }],
  };
}

/** The YouTube description chapter list: one `m:ss Title` line per chapter (`h:mm:ss` from an hour on). */
export function chaptersText(chapters: Chapter[]): string {
  const long = chapters.some((c) => c.endSeconds >= 3600);
  return chapters.map((c) => `${formatClock(c.startSeconds, long)} ${c.title}\n`).join('');
}
