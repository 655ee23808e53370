import webvtt from 'webvtt-parser';

export interface ReadCue {
  start: number;
  end: number;
  lines: string[];
}

const time = (h: string, m: string, s: string, ms: string) => ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);

/**
 * A strict SRT reader: numbered cues from 1 in order, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text lines,
 * one blank line between cues; any other shape throws, naming the line.
 */
export function readSrt(text: string): ReadCue[] {
  if (!text.endsWith('\n') || text.includes('\r')) throw new Error('SRT must use \\n line ends and end with one');
  const blocks = text.slice(0, -1).split('\n\n');
  let line = 1;
  return blocks.map((block, i) => {
    const [num, timing, ...lines] = block.split('\n');
    if (num !== String(i + 1)) throw new Error(`line ${line}: expected cue number ${i + 1}, got ${JSON.stringify(num)}`);
    const m = /^(\d{2}):([0-5]\d):([0-5]\d),(\d{3}) --> (\d{2}):([0-5]\d):([0-5]\d),(\d{3})$/.exec(timing ?? '');
    if (!m) throw new Error(`line ${line + 1}: bad timing ${JSON.stringify(timing)}`);
    if (lines.length === 0 || lines.some((l) => l.trim() === '')) throw new Error(`line ${line + 2}: cue ${i + 1} has no text or a blank line`);
    line += block.split('\n').length + 1;
    return { start: time(m[1], m[2], m[3], m[4]), end: time(m[5], m[6], m[7], m[8]), lines };
  });
}

/** WebVTT through webvtt-parser, a validating parser: any error it reports throws. */
export function readVtt(text: string): ReadCue[] {
  const parsed = new webvtt.WebVTTParser().parse(text, 'subtitles');
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('; '));
  return parsed.cues.map((c) => ({ start: Math.round(c.startTime * 1000), end: Math.round(c.endTime * 1000), lines: c.text.split('\n').map(unescape) }));
}

/** The character references a cue's text may hold (the parser leaves them as written). */
const unescape = (line: string) => line.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
