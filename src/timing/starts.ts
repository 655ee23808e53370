import { parseClock } from '../deck/clock.js';
import type { Deck, Diagnostic } from '../deck/model.js';

/** A slide's recorded start in the talk, and where it was written (a deck's `at:` or a timings file line). */
export interface StartTime {
  seconds: number;
  file: string;
  line: number;
}

const problem = (file: string, line: number, code: string, message: string): Diagnostic => ({ severity: 'error', code, message, file, line, column: 1 });

/**
 * A timings file: one start time per slide per line (`0:00`, `1:15`, `1:02:03.5` or seconds), as
 * PowerPoint and Keynote record them. Blank lines and lines starting with `#` are skipped. Pure.
 */
export function parseTimings(text: string, file: string): { starts: StartTime[]; diagnostics: Diagnostic[] } {
  const starts: StartTime[] = [];
  const diagnostics: Diagnostic[] = [];
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const seconds = parseClock(line);
    if (seconds === null) diagnostics.push(problem(file, i + 1, 'timing-invalid', `"${line}" is not a start time (write seconds, m:ss or h:mm:ss)`));
    else starts.push({ seconds, file, line: i + 1 });
  });
  return { starts, diagnostics };
}

/**
 * Start times from the deck's `at:` options, or null when no slide has one. The first slide starts
 * the talk (it cannot have an options block): it starts at 0:00.
 */
export function deckStarts(deck: Deck): { starts: StartTime[] | null; diagnostics: Diagnostic[] } {
  if (!deck.slides.some((s) => s.at !== undefined)) return { starts: null, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const starts = deck.slides.map((s, i) => {
    if (s.at !== undefined) return { seconds: s.at, file: deck.file, line: s.atLine ?? s.line };
    if (i > 0) diagnostics.push(problem(deck.file, s.line, 'timing-missing', `slide ${s.index} has no \`at:\` while other slides have one: give every slide after the first its start time`));
    return { seconds: 0, file: deck.file, line: s.line };
  });
  return { starts, diagnostics };
}

/**
 * Recorded start times must be one per slide, start at 0:00, increase by at least one frame, and
 * lie before the end of the recording. Each problem names its line.
 */
export function checkStarts(starts: StartTime[], slides: number, fps: number, endSeconds: number | null, where: { file: string; line: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (starts.length !== slides) {
    const at = starts.at(-1) ?? where;
    out.push(problem(at.file, at.line, 'timing-count', `${starts.length} start time${starts.length === 1 ? '' : 's'} for ${slides} slides: give one per slide`));
  }
  if (starts[0] && starts[0].seconds !== 0) out.push(problem(starts[0].file, starts[0].line, 'timing-invalid', 'the first slide starts the video: its start time must be 0:00'));
  starts.forEach((s, i) => {
    const prev = starts[i - 1];
    if (prev && Math.round(s.seconds * fps) <= Math.round(prev.seconds * fps)) {
      out.push(problem(s.file, s.line, 'timing-order', `slide ${i + 1} starts at ${s.seconds} s, not after slide ${i}'s ${prev.seconds} s: start times must increase`));
    }
    if (endSeconds !== null && s.seconds >= endSeconds) {
      out.push(problem(s.file, s.line, 'timing-past-end', `slide ${i + 1} starts at ${s.seconds} s, at or after the end of the recording (${endSeconds.toFixed(3)} s)`));
    }
  });
  return out;
}
