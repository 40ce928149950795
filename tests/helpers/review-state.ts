/** The review page's state for component tests: UTC, a fixed clock, no waiting for the page. */
import { createReviewState, type ReviewState } from '../../entrypoints/options/state';
import { fixedZone, type TimeZone } from '../../utils/core/calendar';
import { saveReflection } from '../../utils/reflections/db-store';
import type { Reflection } from '../../utils/reflections/reflection';

/**
 * Store `reflections`, then a review state over them that believes it is `now` in `zone`
 * (UTC unless given; not started).
 */
export async function reviewStateOver(
  reflections: Reflection[],
  now: number,
  zone: TimeZone = fixedZone(0),
): Promise<ReviewState> {
  for (const r of reflections) await saveReflection(r);
  return createReviewState({
    zone,
    now: () => now,
    yieldToPage: () => Promise.resolve(),
  });
}
