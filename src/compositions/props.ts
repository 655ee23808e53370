import { z } from 'zod';
import { deckSchema, type Deck } from '../deck/model.js';
import { planTimeline } from '../timing/plan.js';

/** Input props of every talkreel composition: the parsed deck and render overrides. */
export const talkPropsSchema = z.object({
  deck: deckSchema,
  fps: z.number().int().min(1).max(120).optional(),
  resolution: z.string().optional(),
  /**
   * Each slide reports what it drew to the browser's console (`talkreel:probe N {...}`, see
   * slides/probe.ts): the tests and the corpus report read it to check that every word of the
   * deck and every formula, diagram, highlighted block, column and click reaches the page.
   */
  probeText: z.boolean().optional(),
});
export type TalkProps = z.infer<typeof talkPropsSchema>;

export const timelineOf = (props: TalkProps) => planTimeline(props.deck, { fps: props.fps, resolution: props.resolution });

/** Composition id of one slide: `Slide-01-scaling-python`. */
export const slideCompositionId = (deck: Deck, index: number) => {
  const slide = deck.slides.find((s) => s.index === index);
  const width = Math.max(2, String(deck.slides.length).length);
  return `Slide-${String(index).padStart(width, '0')}-${slide?.slug ?? 'slide'}`;
};
