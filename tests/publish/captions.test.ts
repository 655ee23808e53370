import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { breakLines, CAPTION_RULES, cueTexts, planCaptions, toSrt, toVtt } from '../../src/publish/captions.js';
import { planTimeline } from '../../src/timing/plan.js';
import { readSrt, readVtt } from '../helpers/captions.js';

const notes = [
  'Welcome, everyone. Today I want to talk about how Python programs grow, and what happens when a small script becomes a service that a whole company depends on.',
  'Three ideas.',
  '',
  'The first idea is simple: measure before you change anything; the second is harder — know which of your measurements you can trust, because most of them lie a little & some <a lot>.',
];
const deck: Deck = parseDeck(
  `---\nduration: 14\n---\n\n# One\n\n<!-- ${notes[0]} -->\n\n---\nduration: 3\n---\n\n# Two\n\n<!-- ${notes[1]} -->\n\n---\n\n# Three\n\n---\nduration: 20\n---\n\n# Four\n\n<!-- ${notes[3]} -->\n`,
  'talk.md',
).deck;
const timeline = planTimeline(deck);
const { cues, diagnostics } = planCaptions(deck, timeline);
const ms = (frame: number) => Math.round((frame * 1000) / timeline.fps);

describe('cue text', () => {
  it('cuts at sentence ends first, then at phrase marks, keeping every word in order', () => {
    const text = notes[0];
    const pieces = cueTexts(text);
    expect(pieces.map((p) => p.join(' ')).join(' ')).toBe(text);
    expect(pieces[0]).toEqual(['Welcome, everyone.']);
    for (const p of pieces.slice(1)) expect(p.join(' ')).not.toMatch(/^(a|the|and|what|when)$/i);
    // The second sentence (139 characters) does not fit in one cue: it is cut after a comma.
    expect(pieces[1].join(' ')).toMatch(/,$/);
  });

  it('keeps every cue within 2 lines of 42 characters, even for a long unbroken word', () => {
    const long = `${'word '.repeat(60)}${'x'.repeat(100)} end.`;
    for (const text of [long, ...notes]) {
      for (const lines of cueTexts(text)) {
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.length).toBeLessThanOrEqual(CAPTION_RULES.maxLines);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(CAPTION_RULES.maxChars);
      }
    }
  });

  it('breaks two lines evenly, after a comma when one is near', () => {
    expect(breakLines('Short line.')).toEqual(['Short line.']);
    const [a, b] = breakLines('and what happens when a small script becomes a service that a');
    expect(Math.abs(a.length - b.length)).toBeLessThan(10);
    expect(breakLines('Today I want to talk about this, and how Python programs grow')).toEqual(['Today I want to talk about this,', 'and how Python programs grow']);
  });
});

describe('captions of a deck', () => {
  it('has cues only for slides with notes, each inside its slide`s time on screen, in order, not overlapping', () => {
    expect(new Set(cues.map((c) => c.slide))).toEqual(new Set([1, 2, 4]));
    for (const c of cues) {
      const t = timeline.slides[c.slide - 1];
      expect(c.start).toBeGreaterThanOrEqual(ms(t.start));
      expect(c.end).toBeLessThanOrEqual(ms(t.end));
      expect(c.end).toBeGreaterThan(c.start);
    }
    cues.slice(1).forEach((c, i) => expect(c.start).toBeGreaterThanOrEqual(cues[i].end));
  });

  it('leaves each cue on screen long enough to read: at most 20 characters per second when the slide has time', () => {
    for (const c of cues) {
      const chars = c.lines.join(' ').length;
      expect(chars / ((c.end - c.start) / 1000), c.lines.join(' ')).toBeLessThanOrEqual(CAPTION_RULES.maxCps);
      expect(c.end - c.start).toBeLessThanOrEqual(CAPTION_RULES.maxSeconds * 1000);
    }
  });

  it('warns when a slide is too short for its notes, and still fits the cues inside it', () => {
    const { deck: d } = parseDeck(`---\nduration: 2\n---\n\n# A\n\n<!-- ${notes[0]} -->\n\n---\n\n# B\n`, 'short.md');
    const t = planTimeline(d);
    const plan = planCaptions(d, t);
    expect(plan.diagnostics.map((x) => `${x.file}:${x.line} ${x.severity} ${x.code}`)).toEqual(['short.md:4 warning captions-too-fast']);
    expect(plan.cues.at(-1)!.end).toBe(Math.round((t.slides[0].end * 1000) / t.fps));
    expect(diagnostics).toEqual([]);
  });

  it('gives the talk`s own deck captions that can all be read: its slides last as long as their notes need', () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../deck/scaling-python.md');
    const { deck: talk } = parseDeck(fs.readFileSync(file, 'utf8'), 'deck/scaling-python.md');
    expect(talk.slides.every((s) => s.notes.trim().length > 0)).toBe(true);
    expect(planCaptions(talk, planTimeline(talk)).diagnostics).toEqual([]);
  });

  it('writes SRT that a strict reader reads back exactly', () => {
    const read = readSrt(toSrt(cues));
    expect(read).toEqual(cues.map((c) => ({ start: c.start, end: c.end, lines: c.lines })));
  });

  it('writes WebVTT that a validating parser reads back, with & and < escaped', () => {
    const text = toVtt(cues);
    expect(text.startsWith('WEBVTT\n\n')).toBe(true);
    expect(text).toContain('&amp;');
    expect(text).toContain('&lt;a lot>'.replace('>', '&gt;'));
    const read = readVtt(text);
    expect(read).toEqual(cues.map((c) => ({ start: c.start, end: c.end, lines: c.lines })));
  });

  it('the strict readers reject malformed files', () => {
    expect(() => readSrt('1\n00:00:00.000 --> 00:00:01,000\nHi\n')).toThrow(/bad timing/);
    expect(() => readSrt('2\n00:00:00,000 --> 00:00:01,000\nHi\n')).toThrow(/cue number/);
    expect(() => readVtt('WEBVTT\n\n00:00.000 --> 00:01.0\nHi\n')).toThrow(/line 3/);
  });

  it('makes no cues for a deck without notes', () => {
    const { deck: d } = parseDeck('# A\n\n---\n\n# B\n');
    expect(planCaptions(d, planTimeline(d)).cues).toEqual([]);
  });
});
