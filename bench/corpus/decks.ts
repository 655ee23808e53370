import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/render/cache/root.js';

/** The corpus: one folder per deck under tests/corpus, each with its deck file and SOURCE.md. */
export const CORPUS_DIR = path.join(packageRoot, 'tests', 'corpus');

export interface CorpusDeck {
  /** The folder's name: how the report and `npm run corpus -- NAME` call the deck. */
  name: string;
  dir: string;
  /** The deck file: the one Markdown file in the folder besides SOURCE.md. */
  file: string;
  /** A Marp deck (its front matter says `marp: true`, or its folder is named `marp-*`): Marp CLI renders it too. */
  marp: boolean;
}

export function listCorpus(dir = CORPUS_DIR): CorpusDeck[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const folder = path.join(dir, name);
      const decks = fs.readdirSync(folder).filter((f) => f.endsWith('.md') && f !== 'SOURCE.md');
      if (decks.length !== 1) throw new Error(`${path.relative(packageRoot, folder)}: expected one deck file besides SOURCE.md, found ${decks.length}`);
      const file = path.join(folder, decks[0]);
      return { name, dir: folder, file, marp: name.startsWith('marp-') || saysMarp(fs.readFileSync(file, 'utf8')) };
    });
}

/** Marp's own switch: `marp: true` in the front matter. */
function saysMarp(source: string): boolean {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source.replace(/^\uFEFF/, ''));
  return front !== null && /^marp:\s*true\s*$/m.test(front[1]);
}

/** The decks named on the command line, in corpus order; every deck when none is named. */
export function selectDecks(all: CorpusDeck[], names: string[]): CorpusDeck[] {
  const unknown = names.filter((n) => !all.some((d) => d.name === n));
  if (unknown.length > 0) throw new Error(`no corpus deck named ${unknown.join(', ')}; the decks are: ${all.map((d) => d.name).join(', ')}`);
  return names.length === 0 ? all : all.filter((d) => names.includes(d.name));
}

/** The licence SOURCE.md states on its `Licence:` line, or null. */
export function licenceOf(source: string): string | null {
  return /\bLicence:\s*([^.\s(][^.(\n]*)/.exec(source)?.[1].trim() ?? null;
}
