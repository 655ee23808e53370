import type { Deck, Diagnostic } from '../../deck/model.js';
import type { Timeline } from '../../timing/plan.js';
import { planPublish, type PublishPlan } from '../../publish/plan.js';
import { checkTextFit } from '../capture/visual-check.js';

/**
 * The checks that need the timeline: chapters and captions (publishing) and the text's fit.
 * `talkreel render` and `talkreel check` both run these, so a deck that checks clean renders
 * without new warnings.
 */
export function timelineChecks(deck: Deck, timeline: Timeline, publish: PublishPlan = planPublish(deck, timeline)): Diagnostic[] {
  return [...publish.diagnostics, ...checkTextFit(deck, timeline)];
}
