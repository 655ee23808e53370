import type { Block } from '../deck/model.js';

type CodeBlock = Extract<Block, { type: 'code' }>;

/**
 * The states a code block goes through on its slide: Slidev's line highlights (```ts {2|3-4|all}:
 * three states, the first from the slide's start, each next one a build step) or the versions of
 * a magic move. A block with neither has one state. Pure: the timeline and the layout ask it how
 * many build steps a block adds (`codeStates(block) - 1`), CodePanel draws each state.
 */
export function codeStates(block: CodeBlock): number {
  if (block.versions?.length) return block.versions.length;
  return Math.max(1, block.highlight?.length ?? 0);
}

/** The build in progress: the state before and after it, and how far it is (0 to 1, eased). */
export interface CodeStep {
  from: number;
  to: number;
  progress: number;
}

/**
 * How much lines not highlighted in a state are dimmed: they stay legible in a thumbnail (1.7:1
 * to 3.2:1 on the panel, below WCAG AA by intent: they are the lines the speaker is not talking
 * about), while the highlighted ones keep their full colour. Slidev uses 0.3.
 */
export const DIMMED = 0.4;

/** Whether a magic move draws this block (one version at a time) rather than line highlights. */
export const isMagicMove = (block: CodeBlock) => (block.versions?.length ?? 0) > 0;

/** The state `step` leaves the block in, or the last one (fully built) without a step. */
export const finalState = (block: CodeBlock, step?: CodeStep) => clampState(block, step ? step.to : codeStates(block) - 1);

export const clampState = (block: CodeBlock, state: number) => Math.min(codeStates(block) - 1, Math.max(0, Math.round(state)));

/** The opacity of each of `lineCount` source lines in a highlight state (1: highlighted or no highlights). */
export function lineOpacities(block: CodeBlock, state: number, lineCount: number): number[] {
  const lines = isMagicMove(block) ? null : block.highlight?.[clampState(block, state)] ?? null;
  const lit = lines ? new Set(lines) : null;
  return Array.from({ length: lineCount }, (_, i) => (lit === null || lit.has(i + 1) ? 1 : DIMMED));
}

/**
 * Each line's opacity during a build, interpolated linearly between its two states: a line's
 * pixels are then the exact blend of the two end pictures at `progress`, which lets the renderer
 * draw a build's frames as blends of its ends.
 */
export function stepOpacities(block: CodeBlock, lineCount: number, step?: CodeStep): number[] {
  const to = lineOpacities(block, finalState(block, step), lineCount);
  if (!step) return to;
  const from = lineOpacities(block, step.from, lineCount);
  const p = Math.min(1, Math.max(0, step.progress));
  return to.map((b, i) => from[i] + (b - from[i]) * p);
}
