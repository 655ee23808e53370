import React, { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVideoConfig } from 'remotion';
import type { Block, Run } from '../deck/model.js';
import { CodePanel } from './CodePanel.js';
import { depthPx } from './content-fit.js';
import { measure, useSlideInfo, useTheme } from './context.js';
import { displayBoxEm, mathExtent, mathStandIn } from './fit-math.js';
import { failRender, loadFacesOf, useHold } from './page-wait.js';

type Math = Extract<Block, { type: 'math' }>;

/**
 * Formulas, drawn from the HTML KaTeX made of them in Node (src/prepare/math.ts). This HTML is
 * the one place talkreel puts generated markup into the page (everything else is React text):
 * it is KaTeX's own output for the deck's TeX, typeset with `trust: false`, and KaTeX escapes
 * every character of the source it shows, so nothing written in a deck becomes markup.
 *
 * KaTeX's stylesheet (and through it its fonts, from the katex package) is loaded when the first
 * formula of the page is drawn, so a deck without formulas never loads it. Each formula holds its
 * frame until the stylesheet and the faces it uses are in, measures itself, and is scaled down
 * (never up) when it is wider than the fitting allowed.
 */

const TIMEOUT_MS = 30_000;

let stylesheet: Promise<unknown> | null = null;
const loadStylesheet = () => (stylesheet ??= Promise.all([import('katex/dist/katex.min.css'), import('./math.css')]));

/**
 * Draws KaTeX's HTML, and once the stylesheet and fonts are in, calls `fit` with the element to
 * get its scale; holds the frame until the scaled formula is on the page.
 */
function useFormula(label: string, fit: (el: HTMLElement) => number): { styled: boolean; scale: number | null; ref: React.RefObject<HTMLElement | null> } {
  const hold = useHold(label, TIMEOUT_MS);
  const ref = useRef<HTMLElement>(null);
  const [styled, setStyled] = useState(false);
  const [scale, setScale] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    loadStylesheet().then(() => live && setStyled(true), failRender(label));
    return () => {
      live = false;
    };
  }, [label]);
  useEffect(() => {
    const el = ref.current;
    if (!styled || !el) return;
    let live = true;
    // The KaTeX faces the formula uses, loaded before it is measured.
    loadFacesOf(el)
      .then(() => document.fonts.ready)
      .then(() => live && setScale(fit(el)), failRender(label));
    return () => {
      live = false;
    };
    // `fit` reads the element as it is drawn; it is called once, when the faces are in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [styled, label]);
  useLayoutEffect(() => {
    if (scale !== null) hold.done();
  }, [scale, hold]);
  return { styled, scale, ref };
}

/** A display formula, centred in the box the fitting gave it (see displayBoxEm). */
export const MathBlock: React.FC<{ block: Math; depth: number; size: number; before: number; width: number; style?: React.CSSProperties }> = ({ block, ...rest }) =>
  block.html ? (
    <DisplayFormula block={block} html={block.html} {...rest} />
  ) : (
    // Not typeset (the deck was not prepared, as in Studio): its TeX on a code panel.
    <div data-chrome style={{ display: 'contents' }}>
      <CodePanel block={{ type: 'code', value: block.tex, line: block.line }} {...rest} />
    </div>
  );

const DisplayFormula: React.FC<{ block: Math; html: string; depth: number; size: number; before: number; width: number; style?: React.CSSProperties }> = ({ block, html, depth, size, before, width, style }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const { number } = useSlideInfo();
  const indent = depthPx(depth, height);
  const box = size * displayBoxEm(html);
  const room = width - indent;
  const { styled, scale, ref } = useFormula(`Slide ${number}: KaTeX's stylesheet and fonts for the formula at line ${block.line}`, (el) => {
    const r = el.getBoundingClientRect();
    return Math.min(1, room / Math.max(1, r.width), box / Math.max(1, r.height));
  });
  return (
    // Not words: the text probe leaves it out (see SlideView).
    <div
      data-chrome
      style={{ marginTop: before * size, marginLeft: indent, width: room, height: box, display: 'flex', alignItems: 'center', justifyContent: 'center', flexShrink: 0, fontSize: size, color: theme.colors.text, ...style }}
    >
      {styled ? (
        <div
          ref={ref as React.RefObject<HTMLDivElement>}
          className="talkreel-math"
          style={{ flexShrink: 0, fontSize: `${scale ?? 1}em`, visibility: scale === null ? 'hidden' : undefined }}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ) : null}
    </div>
  );
};

/**
 * An inline formula. Its box takes no height in the line (negative margins as large as its
 * height and depth), so lines stay as tall as the fitting counted; a tall formula reaches into
 * the space between lines. It is as wide as the fitting's stand-in at most (see mathStandIn),
 * and no wider than its line.
 */
export const InlineMath: React.FC<{ run: Run }> = ({ run }) => {
  const theme = useTheme();
  if (!run.html) {
    return (
      <span data-chrome style={{ fontFamily: theme.font.mono }}>
        {run.text}
      </span>
    );
  }
  return <InlineFormula run={run} html={run.html} />;
};

const InlineFormula: React.FC<{ run: Run; html: string }> = ({ run, html }) => {
  const { number } = useSlideInfo();
  const extent = useMemo(() => mathExtent(html), [html]);
  const { styled, scale, ref } = useFormula(`Slide ${number}: KaTeX's stylesheet and fonts for the formula ${JSON.stringify(run.text)}`, (el) => {
    const parent = getComputedStyle(el.parentElement ?? el);
    const room = Math.min(measure(mathStandIn(run), Number(parent.fontWeight) || 400, false) * parseFloat(parent.fontSize), lineWidth(el));
    return Math.min(1, room / Math.max(1, el.getBoundingClientRect().width));
  });
  if (!styled) return null;
  return (
    <span
      ref={ref as React.RefObject<HTMLSpanElement>}
      data-chrome
      className="talkreel-math"
      style={{ display: 'inline-block', fontSize: `${scale ?? 1}em`, marginTop: `${-extent.height}em`, marginBottom: `${-extent.depth}em`, visibility: scale === null ? 'hidden' : undefined }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
};

/** The width of the line a formula is set in: the content box of its nearest block. */
function lineWidth(el: HTMLElement): number {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const cs = getComputedStyle(p);
    if (cs.display === 'inline' || cs.display === 'contents') continue;
    return p.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  }
  return Number.POSITIVE_INFINITY;
}
