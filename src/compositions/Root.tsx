import React, { useEffect, useState } from 'react';
import { cancelRender, Composition, continueRender, delayRender, getInputProps, type CalculateMetadataFunction } from 'remotion';
import type { Deck } from '../deck/model.js';
import { loadDefaultDeck } from './default-deck.js';
import { slideCompositionId, talkPropsSchema, timelineOf, type TalkProps } from './props.js';
import { Frames, type FramesProps } from './Frames.js';
import { SingleSlide, Talk } from './Talk.js';

const talkMetadata: CalculateMetadataFunction<TalkProps> = ({ props }) => {
  const t = timelineOf(props);
  return { durationInFrames: Math.max(1, t.durationInFrames), fps: t.fps, width: t.width, height: t.height };
};

type SlideProps = TalkProps & { index: number };
const slideMetadata: CalculateMetadataFunction<SlideProps> = ({ props }) => {
  const t = timelineOf(props);
  const s = t.slides.find((x) => x.index === props.index);
  const frames = s ? s.durationInFrames - s.transitionIn.frames : 1;
  return { durationInFrames: Math.max(1, frames), fps: t.fps, width: t.width, height: t.height };
};

const framesMetadata: CalculateMetadataFunction<FramesProps> = ({ props }) => {
  const t = timelineOf(props);
  // At least as long as the talk: Sequences inside are cut at the composition's end, so a shorter
  // composition would hide every slide that starts after it. Only frames 0..frames.length-1 are
  // rendered (see capture.ts).
  return { durationInFrames: Math.max(1, props.frames.length, t.durationInFrames), fps: t.fps, width: t.width, height: t.height };
};

/**
 * `Talk` is the whole deck; `Slide-NN-slug` shows one slide; `Frames` shows chosen frames of
 * `Talk` (talkreel's renderer captures each distinct frame through it). Sizes, frame rates and durations all
 * come from the deck through calculateMetadata. Without input props (Studio, `npx remotion
 * render Talk`), the default deck is shown.
 */
export const Root: React.FC = () => {
  const given = (getInputProps() as Partial<TalkProps>).deck;
  // Taken in the first render, before Remotion can find the page ready with no compositions.
  const [waiting] = useState(() => (given ? null : delayRender('Loading the default deck')));
  const [loaded, setLoaded] = useState<Deck | null>(null);
  // Runs again on every hot update in Studio, so an edited default deck shows at once.
  useEffect(() => {
    if (given) return;
    loadDefaultDeck().then(setLoaded, cancelRender);
  }, [given]);
  // Released only once the compositions are registered: they register in effects, and Remotion
  // takes them in as state, one render later (so a frame later, as Remotion's own entry waits).
  useEffect(() => {
    if (loaded === null || waiting === null) return;
    const frame = requestAnimationFrame(() => continueRender(waiting));
    return () => cancelAnimationFrame(frame);
  }, [loaded, waiting]);
  const deck = given ?? loaded;
  if (!deck) return null;
  return (
    <>
      <Composition
        id="Talk"
        component={Talk}
        schema={talkPropsSchema}
        defaultProps={{ deck } as TalkProps}
        calculateMetadata={talkMetadata}
        durationInFrames={1}
        fps={30}
        width={1920}
        height={1080}
      />
      <Composition
        id="Frames"
        component={Frames}
        defaultProps={{ deck, frames: [0] } as FramesProps}
        calculateMetadata={framesMetadata}
        durationInFrames={1}
        fps={30}
        width={1920}
        height={1080}
      />
      {deck.slides.map((s) => (
        <Composition
          key={s.index}
          id={slideCompositionId(deck, s.index)}
          component={SingleSlide}
          defaultProps={{ deck, index: s.index } as SlideProps}
          calculateMetadata={slideMetadata}
          durationInFrames={1}
          fps={30}
          width={1920}
          height={1080}
        />
      ))}
    </>
  );
};
