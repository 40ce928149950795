/** The review page's state for component tests: UTC, a fixed clock, no waiting for the page. */
import { createReviewState, type ReviewState } from '../../entrypoints/options/state';
import { fixedZone } from '../../utils/calendar';
import { saveReflection } from '../../utils/db';
import type { Reflection } from '../../utils/reflection';

/** Store `reflections`, then a review state over them that believes it is `now` (not started). */
export async function reviewStateOver(
  reflections: Reflection[],
  now: number,
): Promise<ReviewState> {
  for (const r of reflections) await saveReflection(r);
  return createReviewState({
    zone: fixedZone(0),
    now: () => now,
    yieldToPage: () => Promise.resolve(),
  });
}
