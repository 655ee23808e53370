import { linearTiming, TransitionSeries, type TransitionPresentation } from '@remotion/transitions';
import { fade } from '@remotion/transitions/fade';
import { slide as slideIn } from '@remotion/transitions/slide';
import { wipe } from '@remotion/transitions/wipe';
import React, { useMemo } from 'react';
import { AbsoluteFill } from 'remotion';
import type { TransitionName } from '../deck/model.js';
import { easeInOutCubic } from '../timing/easing.js';
import { DeckTheme, SlideView, themeOf } from '../slides/SlideView.js';
import { ensureFonts, useFontsReady } from './fonts.js';
import { timelineOf, type TalkProps } from './props.js';

ensureFonts();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const presentations: Record<Exclude<TransitionName, 'none'>, () => TransitionPresentation<any>> = {
  fade: () => fade(),
  slide: () => slideIn({ direction: 'from-right' }),
  wipe: () => wipe({ direction: 'from-left' }),
};

/** The whole talk: every slide for its time, joined by transitions (a TransitionSeries). */
export const Talk: React.FC<TalkProps> = (props) => {
  const timeline = useMemo(() => timelineOf(props), [props]);
  const ready = useFontsReady(props.deck);
  const slides = props.deck.slides;
  const background = themeOf(props.deck).colors.background;
  if (!ready) return <AbsoluteFill style={{ background }} />;
  return (
    <AbsoluteFill style={{ background }}>
      <DeckTheme deck={props.deck}>
        <TransitionSeries>
          {timeline.slides.flatMap((t, i) => {
            const items: React.ReactNode[] = [];
            const { type, frames } = t.transitionIn;
            if (i > 0 && frames > 0 && type !== 'none') {
              items.push(
                <TransitionSeries.Transition
                  key={`t${t.index}`}
                  presentation={presentations[type]()}
                  timing={linearTiming({ durationInFrames: frames, easing: easeInOutCubic })}
                />,
              );
            }
            items.push(
              <TransitionSeries.Sequence key={`s${t.index}`} durationInFrames={t.durationInFrames} name={`${t.index}. ${t.title}`}>
                <SlideView slide={slides[i]} builds={t.builds} buildFrames={t.buildFrames} deck={props.deck} probe={props.probeText} />
              </TransitionSeries.Sequence>,
            );
            return items;
          })}
        </TransitionSeries>
      </DeckTheme>
    </AbsoluteFill>
  );
};

/** One slide alone, for Studio and stills: its whole sequence, builds included. */
export const SingleSlide: React.FC<TalkProps & { index: number }> = ({ index, ...props }) => {
  const timeline = useMemo(() => timelineOf(props), [props]);
  const ready = useFontsReady(props.deck);
  const pos = props.deck.slides.findIndex((s) => s.index === index);
  const t = timeline.slides[pos];
  if (!t || !ready) return null;
  // Alone, the slide has no transition in: its builds start at its first frame.
  const shift = t.transitionIn.frames;
  return (
    <AbsoluteFill style={{ background: themeOf(props.deck).colors.background }}>
      <DeckTheme deck={props.deck}>
          <SlideView slide={props.deck.slides[pos]} builds={t.builds.map((b) => b - shift)} buildFrames={t.buildFrames} deck={props.deck} probe={props.probeText} />
      </DeckTheme>
    </AbsoluteFill>
  );
};
