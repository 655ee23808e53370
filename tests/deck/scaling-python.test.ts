import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/deck/infer.js';
import type { Block } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { ATTRIBUTION_MARKER, joinLines, readTranscript, transcriptText, words } from '../helpers/transcript.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const deckFile = path.join(repo, 'deck/scaling-python.md');

const deckText = (blocks: Block[]) => blocks.map(blockText).join('\n');

const transcript = readTranscript();
const { deck, diagnostics } = parseDeck(fs.readFileSync(deckFile, 'utf8'), 'deck/scaling-python.md');
const IMAGE_SLIDES = [3, 12, 18];

describe('the transcript fixture', () => {
  it('has 19 slides numbered 1 to 19', () => {
    expect(transcript.map((s) => s.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it('has no text on slides 3, 12 and 18 only', () => {
    expect(transcript.filter((s) => s.lines.length === 0).map((s) => s.number)).toEqual(IMAGE_SLIDES);
  });

  it('joins a word split at a line end by a hyphen', () => {
    expect(joinLines(['scale to programming-in-the-', 'large”'])).toBe('scale to programming-in-the-large”');
    expect(transcriptText(transcript[3])).toBe(
      '“Dynamic languages do not scale to programming-in-the-large” Johnny Know-It-All',
    );
    expect(transcriptText(transcript[1])).toBe('CPython Openstack Firefox WebGL Many, many more…');
  });
});

describe('deck/scaling-python.md', () => {
  it('parses without any problem', () => {
    expect(diagnostics).toEqual([]);
    expect(deck.title).toBe('Scaling Python');
    expect(deck.options).toMatchObject({ author: 'James King', event: 'PyCon Canada 2015, Toronto', date: '2015-11-07' });
  });

  it('has 19 slides, one for each slide of the transcript', () => {
    expect(deck.slides).toHaveLength(19);
    expect(deck.slides.map((s) => s.index)).toEqual(transcript.map((s) => s.number));
  });

  const textSlides = transcript.filter((s) => !IMAGE_SLIDES.includes(s.number));

  it.each(textSlides.map((s) => [s.number, s] as const))('slide %i holds the transcript`s words', (n, slide) => {
    const visible = deckText(deck.slides[n - 1].blocks);
    // The same bag of words...
    expect(words(visible).sort()).toEqual(words(transcriptText(slide)).sort());
    // ...in the same order (the attribution after its quote).
    expect(words(visible)).toEqual(words(transcriptText(slide)));
  });

  it('carries the quotes and their attributions as quote slides', () => {
    const quotes = deck.slides.filter((s) => s.layout === 'quote');
    expect(quotes.map((s) => s.index)).toEqual([4, 5, 6]);
    const attributions = quotes.map((s) => s.blocks.find((b) => b.type === 'quote')).map((b) => b?.type === 'quote' && b.attribution);
    const expected = [4, 5, 6].map((n) => transcript[n - 1].lines[0].replace(ATTRIBUTION_MARKER, ''));
    expect(attributions).toEqual(expected);
    expect(expected).toEqual(['Johnny Know-It-All', 'Super Enterprise Hacker', 'Armchair Academic']);
  });

  it.each(IMAGE_SLIDES)('slide %i is an image slide with a description and an image under /art/', (n) => {
    const slide = deck.slides[n - 1];
    expect(slide.layout).toBe('image');
    const images = slide.blocks.filter((b) => b.type === 'image');
    expect(images).toHaveLength(1);
    const [image] = images;
    if (image.type !== 'image') throw new Error('not an image');
    expect(image.alt.trim().length).toBeGreaterThan(20);
    expect(image.path).toMatch(/^\/art\/[\w.-]+$/);
    expect(fs.existsSync(path.join(repo, 'public', image.path))).toBe(true);
  });

  it('gives every slide speaker notes', () => {
    expect(deck.slides.filter((s) => s.notes.trim() === '').map((s) => s.index)).toEqual([]);
  });
});
