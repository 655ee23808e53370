import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { startTimeSchema } from './clock.js';
import { durationSchema, hexColorSchema, layoutSchema, THEMES, parseResolution, transitionSchema, type Diagnostic } from './model.js';
import type { YamlBlock } from './split.js';

type Problem = Omit<Diagnostic, 'file'>;

/** One option: its schema and the words that say what it accepts (used in messages). */
interface OptionSpec {
  schema: z.ZodType;
  accepts: string;
}

const text: OptionSpec = { schema: z.coerce.string(), accepts: 'a text' };
const duration: OptionSpec = {
  schema: durationSchema,
  accepts: '`auto` or a number of seconds greater than 0 and at most 3600',
};
const transition: OptionSpec = { schema: transitionSchema, accepts: 'one of fade, slide, wipe, none' };

export const DECK_OPTIONS: Record<string, OptionSpec> = {
  title: text,
  author: text,
  event: text,
  date: text,
  fps: { schema: z.number().int().min(1).max(120), accepts: 'a whole number of frames per second from 1 to 120' },
  resolution: {
    schema: z.string().refine((v) => parseResolution(v) !== null),
    accepts: '720p, 1080p, 1440p, 2160p or WIDTHxHEIGHT with even numbers (at most 7680x4320)',
  },
  duration,
  transition,
  theme: { schema: z.enum(THEMES), accepts: `one of ${THEMES.join(', ')}` },
  accent: {
    schema: hexColorSchema,
    accepts: 'a CSS hex colour such as "#ffd43b"',
  },
  logo: { schema: z.string().min(1), accepts: 'the path of a PNG, JPEG, GIF, WebP or SVG picture' },
  paginate: { schema: z.boolean(), accepts: 'true or false' },
  poster: { schema: z.number().int().min(1), accepts: 'the number of the slide to use as poster.jpg (1 is the first)' },
  audio: { schema: z.string().min(1), accepts: "the speaker's recording: a file path relative to the deck" },
};

export const SLIDE_OPTIONS: Record<string, OptionSpec> = {
  layout: { schema: layoutSchema, accepts: 'one of title, bullets, quote, statement, image, link, closing' },
  title: text,
  duration,
  transition,
  chapter: { schema: z.coerce.string().trim().min(1), accepts: 'a chapter title' },
  at: { schema: startTimeSchema, accepts: 'a start time in the recording: seconds, m:ss or h:mm:ss (e.g. 12:34)' },
};

/** A key (or value) talkreel itself does not take but Marp or Slidev does: the caller maps it. */
export interface ForeignOption {
  key: string;
  /** The file it was written in, when not the deck itself (a slide imported with Slidev's `src:`). */
  file?: string;
  value: unknown;
  /** Position of the key, and of the value when there is one. */
  line: number;
  column: number;
  valueLine: number;
  valueColumn: number;
}

/** Says whether Marp or Slidev knows `key: value`, for keys or values talkreel does not take. */
export type ForeignCheck = (key: string, value: unknown) => boolean;

export interface ParsedOptions {
  values: Record<string, unknown>;
  foreign: ForeignOption[];
  /** Source position of each key, for later messages. */
  positions: Record<string, { line: number; column: number }>;
  problems: Problem[];
}

export interface OptionContext {
  /** How messages name the block: `front matter`, `slide 3 options`. */
  where: string;
  foreign?: ForeignCheck;
  /**
   * An option nobody knows: an error in talkreel's own decks (it catches typos); a warning in Marp
   * and Slidev decks, whose tools take any key (Slidev keeps custom keys as the slide's data).
   */
  unknown?: 'error' | 'warning';
  /** The file the block is in, when not the deck itself. */
  file?: string;
}

/**
 * Parses a YAML block and checks every key against `specs`. Problems are collected, never thrown:
 * each names the line and column of the offending key or value.
 */
export function parseOptions(block: YamlBlock, specs: Record<string, OptionSpec>, context: OptionContext): ParsedOptions {
  const { where, foreign = () => false, unknown = 'error' } = context;
  const out: ParsedOptions = { values: {}, foreign: [], positions: {}, problems: [] };
  const lineCounter = new LineCounter();
  // `date: 2015-11-07` must stay a string: the core schema has no timestamps.
  const doc = parseDocument(block.text, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: block.line + p.line - 1, column: p.col };
  };

  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      out.problems.push({
        severity: 'error',
        code: 'yaml-syntax',
        message: `${where}: invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        ...pos(err.pos[0]),
      });
    }
    return out;
  }
  if (doc.contents === null) return out;
  if (!isMap(doc.contents)) {
    out.problems.push({
      severity: 'error',
      code: 'yaml-not-a-map',
      message: `${where} must be \`key: value\` lines`,
      ...pos((doc.contents as Node).range?.[0] ?? 0),
    });
    return out;
  }

  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const at = pos(keyNode?.range?.[0] ?? 0);
    const spec = specs[key];
    const valueNode = pair.value as Node | null;
    const value = looseValue(valueNode && 'toJSON' in valueNode ? valueNode.toJSON() : null, block.text, at.line - block.line);
    const valueAt = valueNode?.range ? pos(valueNode.range[0]) : at;
    const asForeign = () => {
      if (!foreign(key, value)) return false;
      out.foreign.push({ key, value, ...(context.file ? { file: context.file } : {}), ...at, valueLine: valueAt.line, valueColumn: valueAt.column });
      return true;
    };
    if (!spec) {
      if (asForeign()) continue;
      out.problems.push(
        unknown === 'error'
          ? { severity: 'error', code: 'unknown-option', message: `${where}: unknown option \`${key}\` (known: ${Object.keys(specs).join(', ')})`, ...at }
          : { severity: 'warning', code: 'unknown-option', message: `${where}: \`${key}\` is not an option talkreel, Marp or Slidev knows; it is kept as the slide's data and changes nothing in the video`, ...at },
      );
      continue;
    }
    const checked = spec.schema.safeParse(value);
    if (!checked.success) {
      if (asForeign()) continue;
      out.problems.push({
        severity: 'error',
        code: 'invalid-option',
        message: `${where}: \`${key}\` must be ${spec.accepts}, got ${JSON.stringify(value)}`,
        ...valueAt,
      });
      continue;
    }
    out.values[key] = checked.data;
    out.positions[key] = at;
  }
  return out;
}

/**
 * `backgroundColor: #fff` is a key with a comment in strict YAML; Marp reads it as the colour
 * (its loose YAML), so a value left empty by a `#...` comment is that text.
 */
export function looseValue(value: unknown, text: string, lineInBlock: number): unknown {
  if (value !== null) return value;
  const m = /^\s*[\w$-]+\s*:\s+(#[^\s#]+)\s*$/.exec(text.split('\n')[lineInBlock] ?? '');
  return m ? m[1] : value;
}
