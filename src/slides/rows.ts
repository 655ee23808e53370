import type { Block, Cell, Click, Run, Slot } from '../deck/model.js';

/**
 * The rows of the general layout (see content.ts), as types alone: the fitting modules read them
 * without importing the code that makes them.
 */
export type Marker = { kind: 'bullet'; depth: number } | { kind: 'number'; n: number } | { kind: 'task'; checked: boolean };

type Of<T extends Block['type']> = Extract<Block, { type: T }>;

export type Row = (
  | {
      kind: 'text';
      key: string;
      runs: Run[];
      /** `body` (or `list` when the slide has no heading), `subtitle` for a heading inside, `small` for footnotes. */
      /** `subtitle` for a heading under the slide's title, `heading` for one on a slide with none. */
      role: 'body' | 'list' | 'subtitle' | 'heading' | 'small';
      depth: number;
      marker?: Marker;
      /** A line of a blockquote, or its attribution. */
      quote?: 'line' | 'attribution';
      /** In the place of a picture that cannot be shown (a remote address): its description. */
      placeholder?: boolean;
      click?: Click;
    }
  | { kind: 'code'; key: string; block: Of<'code'>; depth: number; click?: Click }
  | { kind: 'table'; key: string; block: Of<'table'>; depth: number; click?: Click }
  | { kind: 'image'; key: string; block: Of<'image'>; depth: number; click?: Click }
  | { kind: 'math'; key: string; block: Of<'math'>; depth: number; click?: Click }
  | { kind: 'diagram'; key: string; block: Of<'diagram'>; depth: number; click?: Click }
) & { slot?: Slot; cell?: Cell };
