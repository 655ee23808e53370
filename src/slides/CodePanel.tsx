import React from 'react';
import { useVideoConfig } from 'remotion';
import type { Block, CodeToken } from '../deck/model.js';
import { clampState, codeStates, finalState, isMagicMove, stepOpacities, type CodeStep } from './code-steps.js';
import { depthPx, panelPadding } from './content-fit.js';
import { measure, useTheme } from './context.js';
import { MONO_EM, WRAP_MARKER, gutterChars, wrapTokens, type DrawnLine } from './fit-code.js';
import { mixColors } from '../deck/color.js';
import type { SlideStyle } from '../deck/model.js';
import { inkFor, useLooks } from './looks.js';
import { readable } from './readable.js';
import { SPACE, TYPE, panelColor, scaled } from './theme.js';

type Of<T extends Block['type']> = Extract<Block, { type: T }>;

interface Props {
  block: Of<'code'>;
  depth: number;
  size: number;
  before: number;
  width: number;
  style?: React.CSSProperties;
  /** The build in progress through the block's states (see code-steps.ts); none: the last state. */
  step?: CodeStep;
}

/**
 * A code block on a panel, in DejaVu Sans Mono: every line as written, indentation kept, in the
 * colours of its highlighted tokens (see prepare/highlight.ts). A line too long for the panel
 * continues on the next behind a muted `↪` (see fit-code.ts). Line highlights dim the lines not
 * highlighted; a magic move shows one version at a time, the next fading in over the last.
 */
export const CodePanel: React.FC<Props> = ({ block, depth, size, before, width, style, step }) => {
  const { height } = useVideoConfig();
  const theme = useTheme();
  const { style: looks } = useLooks();
  const pad = panelPadding(height);
  const indent = depthPx(depth, height);
  const lineHeight = size * TYPE.code.lineHeight;
  const versions = isMagicMove(block) ? block.versions! : [block.value];
  const gutter = block.lineNumbers ? gutterChars(block, Math.max(...versions.map((v) => v.split('\n').length))) * MONO_EM * size : 0;
  const drawn = versions.map((text, i) => wrapTokens(text, block.tokens?.[i], width - indent - 2 * pad.x - gutter, size, measure));
  const rows = Math.max(...drawn.map((d) => d.length));
  const colour = tokenColour(ownPanel(looks, theme.colors.text));
  const lines = (i: number, opacities?: number[]) => (
    <Lines lines={drawn[i]} opacities={opacities} gutter={gutter} start={block.lineNumbers?.start} size={size} lineHeight={lineHeight} colour={colour} />
  );
  let body: React.ReactNode;
  if (isMagicMove(block)) {
    const to = finalState(block, step);
    const from = step ? clampState(block, step.from) : to;
    // The next version's lines on an opaque panel of the same box, fading in: every frame of
    // the build is an exact blend of the two versions' pictures.
    const cover = step && from !== to;
    body = (
      <>
        {lines(from)}
        {cover ? <div style={{ position: 'absolute', left: pad.x, right: pad.x, top: pad.y, height: rows * lineHeight, background: panelColor(theme), opacity: step.progress }}>{lines(to)}</div> : null}
      </>
    );
  } else {
    body = lines(0, stepOpacities(block, block.value.split('\n').length, step));
  }
  // For the text probe: a code block, and the last click its states reach (see clicks.ts codeStep).
  const lastClick = block.statesAt === undefined ? undefined : block.statesAt + codeStates(block) - 2;
  return (
    <div
      data-drawn="code"
      data-click={lastClick}
      style={{
        position: 'relative',
        marginTop: before * size,
        marginLeft: indent,
        padding: `${pad.y}px ${pad.x}px`,
        height: rows * lineHeight + 2 * pad.y,
        boxSizing: 'border-box',
        background: panelColor(theme),
        borderRadius: scaled(SPACE.panel.radius, height),
        color: theme.colors.text,
        fontFamily: theme.font.mono,
        fontSize: size,
        lineHeight: `${lineHeight}px`,
        textAlign: 'left',
        flexShrink: 0,
        ...style,
      }}
    >
      {/* Frame gives all text of a slide that sets its text colour that colour (`!important`);
          highlighted tokens keep theirs, made to read on the panel (see tokenColour). */}
      <style data-chrome>{'.talkreel-ink [data-token] { color: var(--talkreel-token) !important; }'}</style>
      {body}
    </div>
  );
};

/**
 * A token's colour, drawn: as Shiki gave it on the theme's panel (the themes are adjusted to read
 * there, see prepare/code-theme.ts). On a slide's own background colour, where the panel is mixed
 * from it, a colour that lacks 4.5:1 contrast on that panel is moved towards white or black until
 * it has it, as the themes' colours were: the code keeps its hues and reads.
 */
/** The panel colour of a slide with its own background colour, as Frame sets `--talkreel-panel`. */
function ownPanel(style: SlideStyle, text: string): string | undefined {
  return style.background ? mixColors(style.background, style.color ?? inkFor(style.background) ?? text, 0.12) : undefined;
}

function tokenColour(panel: string | undefined): (token: CodeToken) => string | undefined {
  if (!panel) return (token) => token.color;
  return (token) => {
    if (!token.color) return undefined;
    const key = `${token.color} ${panel}`;
    let c = readableCache.get(key);
    if (c === undefined) readableCache.set(key, (c = readable(token.color, panel)));
    return c;
  };
}

const readableCache = new Map<string, string>();

const Lines: React.FC<{
  lines: DrawnLine[];
  opacities?: number[];
  gutter: number;
  start?: number;
  size: number;
  lineHeight: number;
  colour: (token: CodeToken) => string | undefined;
}> = ({ lines, opacities, gutter, start, size, lineHeight, colour }) => {
  const theme = useTheme();
  return (
    <>
      {lines.map((line, i) => {
        const opacity = opacities?.[line.source] ?? 1;
        return (
          <div key={i} style={{ whiteSpace: 'pre', height: lineHeight, overflow: 'hidden', ...(opacity < 1 ? { opacity } : {}) }}>
            {gutter ? (
              <span data-chrome style={{ display: 'inline-block', width: gutter, paddingRight: 1.5 * MONO_EM * size, boxSizing: 'border-box', textAlign: 'right', color: theme.colors.muted }}>
                {line.continued || start === undefined ? '' : start + line.source}
              </span>
            ) : null}
            {line.continued ? <span style={{ color: theme.colors.muted }}>{WRAP_MARKER}</span> : null}
            {line.tokens.map((t, k) => {
              const c = colour(t);
              return c || t.bold || t.italic ? (
                <span key={k} data-token={c ? true : undefined} style={{ color: c, ...(c ? { '--talkreel-token': c } : {}), fontWeight: t.bold ? 700 : undefined, fontStyle: t.italic ? 'italic' : undefined } as React.CSSProperties}>
                  {t.text}
                </span>
              ) : (
                <React.Fragment key={k}>{t.text}</React.Fragment>
              );
            })}
          </div>
        );
      })}
    </>
  );
};
