import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The talk's transcript (a copy of the seed inside the repository), split into its slides. */
export const transcriptFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/transcript/scaling-python-transcript.txt');

export interface TranscriptSlide {
  number: number;
  /** The slide's lines, `View Slide` and blank lines dropped, markers kept. */
  lines: string[];
}

/** The numbered slides of the transcript: `  7. POPPYCOCK!`, then indented lines until `View Slide`. */
export function transcriptSlides(text: string): TranscriptSlide[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.indexOf('Transcript');
  if (start === -1) throw new Error('no "Transcript" line in the transcript');
  const slides: TranscriptSlide[] = [];
  for (const line of lines.slice(start + 1)) {
    const head = /^ {2}(\d+)\. (.*)$/.exec(line);
    if (head) slides.push({ number: Number(head[1]), lines: [head[2]] });
    else if (slides.length > 0 && /^ {4}\S/.test(line)) slides.at(-1)!.lines.push(line);
  }
  return slides.map((s) => ({ ...s, lines: s.lines.map((l) => l.trim()).filter((l) => l !== '' && l !== 'View Slide') }));
}

/** Joins lines with spaces; a line ending with `-` continues on the next line without one. */
export function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => (text === '' ? line : text.endsWith('-') ? text + line : `${text} ${line}`), '');
}

export const LIST_MARKER = /^•\s*/;
export const ATTRIBUTION_MARKER = /^[–—]\s*/;
export const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

/**
 * A transcript slide as a viewer reads it on the deck: bullet markers dropped, and the attribution
 * (shown first, with a dash, in the transcript) moved after the quote without its dash.
 */
export function transcriptText(slide: TranscriptSlide): string {
  const attribution = slide.lines.filter((l) => ATTRIBUTION_MARKER.test(l)).map((l) => l.replace(ATTRIBUTION_MARKER, ''));
  const rest = slide.lines.filter((l) => !ATTRIBUTION_MARKER.test(l)).map((l) => l.replace(LIST_MARKER, ''));
  return joinLines([...rest, ...attribution]);
}


export const readTranscript = () => transcriptSlides(fs.readFileSync(transcriptFile, 'utf8'));
