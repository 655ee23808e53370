import React, { createContext, useContext } from 'react';
import type { Block, Click } from '../deck/model.js';
import { easeOutCubic, progressAt } from '../timing/easing.js';
import { codeStates, type CodeStep } from './code-steps.js';

/**
 * Where a slide is in its clicks: the frame (relative to the slide) and when each build step
 * starts. Parts of the slide that come at a click fade in with the build's easing, and change only
 * opacity: every frame of a build is then a blend of the pictures before and after it, which the
 * renderer computes instead of capturing (see src/timing/frames.ts).
 */
export interface BuildState {
  frame: number;
  builds: number[];
  buildFrames: number;
}

export const BuildContext = createContext<BuildState>({ frame: 0, builds: [], buildFrames: 0 });
export const useBuildState = () => useContext(BuildContext);

/** How far click `k` (1-based; 0: the slide's start) has come: 0 before it, 1 once it is done. */
export function clickProgress(k: number, s: BuildState): number {
  if (k <= 0) return 1;
  const start = s.builds[k - 1];
  return start === undefined ? 0 : progressAt(s.frame, start, s.buildFrames, easeOutCubic);
}

/** The opacity of a part that comes (or, hidden, goes) at its click. */
export function clickOpacity(click: Click, s: BuildState): number {
  const on = clickProgress(click.at, s);
  const shown = click.hide ? 1 - on : on;
  return click.until === undefined ? shown : shown * (1 - clickProgress(click.until, s));
}

/**
 * The style of a part that comes at a click: its opacity, and the last click that changes it as
 * `--talkreel-click` (no effect on the drawing; the text probe counts the clicks drawn with it).
 */
export const clickStyle = (click: Click | undefined, s: BuildState): React.CSSProperties | undefined =>
  click ? ({ opacity: clickOpacity(click, s), '--talkreel-click': Math.max(click.at, click.until ?? 0) } as React.CSSProperties) : undefined;

/**
 * A code block's state now: the state before the build in progress, the one after it, and how
 * far the build has come (all three equal, progress 1, when nothing is building).
 */
export function codeStep(block: Extract<Block, { type: 'code' }>, s: BuildState): CodeStep {
  const last = codeStates(block) - 1;
  const stateAfter = (clicks: number) => (block.statesAt === undefined ? last : Math.max(0, Math.min(last, clicks - block.statesAt + 1)));
  const started = s.builds.filter((b) => s.frame >= b).length;
  if (started === 0) return { from: stateAfter(0), to: stateAfter(0), progress: 1 };
  const progress = clickProgress(started, s);
  // A finished build leaves one state: nothing of the state before stays in the page.
  if (progress >= 1) return { from: stateAfter(started), to: stateAfter(started), progress: 1 };
  return { from: stateAfter(started - 1), to: stateAfter(started), progress };
}

export const BuildProvider: React.FC<{ state: BuildState; children: React.ReactNode }> = ({ state, children }) => (
  <BuildContext.Provider value={state}>{children}</BuildContext.Provider>
);
