import fs from 'node:fs';
import path from 'node:path';
import { splitDeck } from '../src/deck/split.js';

/** Deck variants the benchmark renders, written into `dir`. */

/** The same deck with every slide held `seconds` long. */
export function withDuration(source: string, seconds: number): string {
  const withoutDurations = source.replace(/^duration: .*\n/gm, '');
  return withoutDurations.replace(/^---\n/, `---\nduration: ${seconds}\n`);
}

/**
 * The same deck with one slide's first list item reworded (`round` picks one of several
 * wordings, so that successive edits each change that slide again).
 */
export function withEdit(source: string, round = 0): string {
  const wordings = ['4+ million lines of code', '4+ million lines', 'over 4 million lines of code', '4 million+ LOC', 'more than 4 million LOC', '4+ million lines (LOC)'];
  const edited = source.replace('- 4+ million LOC', `- ${wordings[round % wordings.length]}`);
  if (edited === source) throw new Error('the edit did not apply');
  return edited;
}

/** A generated talk of `count` slides cycling through the layouts. */
export function bigDeck(count: number): string {
  const slides = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    switch (n % 4) {
      case 0:
        return `# Point ${n}\n\n- First idea of slide ${n}\n- Second idea\n- Third idea`;
      case 1:
        return `# STATEMENT ${n}`;
      case 2:
        return `> “Quote number ${n}, said by someone worth quoting.”\n>\n> – Speaker ${n}`;
      default:
        return `# LINK ${n}\n\nhttps://example.org/slide/${n}`;
    }
  });
  return `---\ntitle: Generated talk\n---\n\n${slides.join('\n\n---\n\n')}\n`;
}

/** The deck written as a Marp deck (for `marp --images png`), with its pictures copied beside it. */
export function asMarp(source: string, publicDir: string, dir: string): string {
  const { slides } = splitDeck(source);
  fs.cpSync(path.join(publicDir, 'art'), path.join(dir, 'art'), { recursive: true });
  const bodies = slides.map((s) => s.body.trim().replace(/\]\(\/art\//g, '](art/'));
  return `---\nmarp: true\nsize: 16:9\n---\n\n${bodies.join('\n\n---\n\n')}\n`;
}
