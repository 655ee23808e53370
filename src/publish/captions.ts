import { notesText, type Deck, type Diagnostic } from '../deck/model.js';
import { TIMING, type Timeline } from '../timing/plan.js';

/**
 * Caption rules used by broadcasters and video sites: at most 2 lines of 42 characters, read at
 * about 17 characters per second (never asked faster than 20), each cue on screen 1.2-7 s.
 */
export const CAPTION_RULES = { maxLines: 2, maxChars: 42, cps: TIMING.captionCharsPerSecond, maxCps: 20, minSeconds: 1.2, maxSeconds: 7 } as const;

export interface Cue {
  /** Milliseconds in the talk. */
  start: number;
  end: number;
  lines: string[];
  /** The slide whose notes it shows. */
  slide: number;
}

export interface CaptionPlan {
  cues: Cue[];
  diagnostics: Diagnostic[];
}

/**
 * Captions from the speaker notes, each slide's cues inside its time on screen. Notes are cut at
 * sentence ends, then, when a sentence does not fit in one cue, at phrase marks (, ; : and dashes),
 * then between words. Each cue gets time in proportion to its length, at a calm reading pace; notes
 * too long to read at 20 characters per second in the slide's time get a warning. Pure.
 */
export function planCaptions(deck: Deck, timeline: Timeline): CaptionPlan {
  const cues: Cue[] = [];
  const rushed: { slide: Deck['slides'][number]; need: number; have: number }[] = [];
  const ms = (frame: number) => Math.round((frame * 1000) / timeline.fps);
  deck.slides.forEach((slide, i) => {
    const text = notesText(slide);
    if (!text) return;
    const t = timeline.slides[i];
    const from = ms(t.start);
    const window = ms(t.end) - from;
    const chunks = cueTexts(text);
    const chars = chunks.map((c) => c.join(' ').length);
    const wanted = chars.map((n) => Math.min(CAPTION_RULES.maxSeconds, Math.max(CAPTION_RULES.minSeconds, n / CAPTION_RULES.cps)) * 1000);
    const sum = wanted.reduce((a, b) => a + b, 0);
    const totalChars = chars.reduce((a, b) => a + b, 0);
    if ((totalChars / CAPTION_RULES.maxCps) * 1000 > window) rushed.push({ slide, need: totalChars / CAPTION_RULES.maxCps, have: window / 1000 });
    // Room to spare: each cue stays a little longer (up to the maximum); too little: all shrink alike.
    const scale = window / sum;
    const lengths = wanted.map((w) => (scale >= 1 ? Math.max(w, Math.min(w * scale, CAPTION_RULES.maxSeconds * 1000)) : w * scale));
    let at = from;
    chunks.forEach((lines, k) => {
      const end = k === chunks.length - 1 && scale < 1 ? from + window : Math.min(from + window, Math.round(at + lengths[k]));
      if (end > at) cues.push({ start: at, end, lines, slide: slide.index });
      at = end;
    });
  });
  // One warning for the whole deck: a talk whose notes are a full transcript would get one per slide.
  const diagnostics: Diagnostic[] = rushed.length === 0 ? [] : [{
    severity: 'warning',
    code: 'captions-too-fast',
    message: `captions: the notes of ${rushed.length === 1 ? 'slide' : 'slides'} ${rushed.map((r) => `${r.slide.index} (${r.need.toFixed(1)} s to read, ${r.have.toFixed(1)} s on screen)`).join(', ')} ` +
      `cannot be read at ${CAPTION_RULES.maxCps} characters per second while the slide is on screen; their cues are shown faster (give those slides a longer \`duration:\`, recorded timings, or shorter notes)`,
    file: deck.file,
    line: rushed[0].slide.line,
    column: 1,
  }];
  return { cues, diagnostics };
}

/** Splits text into cues, each at most `maxLines` lines of at most `maxChars` characters. */
export function cueTexts(text: string): string[][] {
  const room = CAPTION_RULES.maxChars * CAPTION_RULES.maxLines;
  const sentences = text.match(/[^.!?…]+(?:[.!?…]+["'”’)\]]*|$)\s*/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  const out: string[][] = [];
  for (const sentence of sentences) {
    for (const piece of fitPieces(sentence, room)) out.push(breakLines(piece));
  }
  return out;
}

/** Cuts a sentence into pieces of at most `room` characters, at phrase marks where possible. */
function fitPieces(sentence: string, room: number): string[] {
  if (sentence.length <= room && breakLines(sentence).length <= CAPTION_RULES.maxLines) return [sentence];
  const phrases = sentence.match(/[^,;:–—]+(?:[,;:–—]+|$)\s*/g)?.map((p) => p.trim()).filter(Boolean) ?? [sentence];
  const pieces: string[] = [];
  let current = '';
  for (const phrase of phrases.flatMap((p) => (p.length <= room ? [p] : wordPieces(p, room)))) {
    const joined = current ? `${current} ${phrase}` : phrase;
    if (joined.length <= room && breakLines(joined).length <= CAPTION_RULES.maxLines) current = joined;
    else {
      if (current) pieces.push(current);
      current = phrase;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Cuts text between words into as few pieces as fit in cues, of even length (no one-word tail);
 * a word longer than a line is cut too.
 */
function wordPieces(text: string, room: number): string[] {
  const words = text.split(' ').flatMap((w) => (w.length <= CAPTION_RULES.maxChars ? [w] : w.match(new RegExp(`.{1,${CAPTION_RULES.maxChars}}`, 'g')) ?? []));
  for (let n = Math.ceil(text.length / room); ; n++) {
    const target = text.length / n;
    const pieces: string[] = [];
    let current = '';
    for (const w of words) {
      const joined = current ? `${current} ${w}` : w;
      const fits = joined.length <= room && breakLines(joined).length <= CAPTION_RULES.maxLines;
      if (fits && (joined.length <= target || !current)) current = joined;
      else if (fits && pieces.length === n - 1) current = joined;
      else {
        pieces.push(current);
        current = w;
      }
    }
    if (current) pieces.push(current);
    if (pieces.length <= n || n >= words.length) return pieces;
  }
}

/**
 * Breaks a cue into lines of at most `maxChars`: one line when it fits, else two lines as even as
 * possible (preferring a break after a phrase mark). More than two lines means it does not fit.
 */
export function breakLines(text: string): string[] {
  const max = CAPTION_RULES.maxChars;
  if (text.length <= max) return [text];
  const words = text.split(' ');
  let best: string[] | null = null;
  let bestCost = Infinity;
  for (let k = 1; k < words.length; k++) {
    const a = words.slice(0, k).join(' ');
    const b = words.slice(k).join(' ');
    if (a.length > max || b.length > max) continue;
    const cost = Math.abs(a.length - b.length) - (/[,;:–—]$/.test(a) ? 12 : 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = [a, b];
    }
  }
  if (best) return best;
  // Greedy lines: the caller sees more than two and cuts the text further.
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${w}`.length <= max) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines;
}

const stamp = (ms: number, sep: ',' | '.') => {
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = Math.floor((ms % 60000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
};

/** `-->` would end a cue's timing line early in either format. */
const safe = (line: string) => line.replace(/-->/g, '->');

export function toSrt(cues: Cue[]): string {
  return cues.map((c, i) => `${i + 1}\n${stamp(c.start, ',')} --> ${stamp(c.end, ',')}\n${c.lines.map(safe).join('\n')}\n`).join('\n');
}

export function toVtt(cues: Cue[]): string {
  // In WebVTT `&` and `<` start markup: write them as character references.
  const esc = (line: string) => safe(line).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `WEBVTT\n\n${cues.map((c) => `${stamp(c.start, '.')} --> ${stamp(c.end, '.')}\n${c.lines.map(esc).join('\n')}\n`).join('\n')}`;
}
