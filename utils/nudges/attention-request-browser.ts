/**
 * The review page asks the background to snooze, pause or resume nudges: the worker owns the
 * nudge engine (its alarm, its state), so no page runs engine code or carries it in its
 * bundle. A message wakes a sleeping worker; its answer says the change is stored.
 */
import { browser } from 'wxt/browser';
import { ATTENTION_CHOICES, type AttentionChoice } from './nudge-state';

export interface AttentionRequest {
  type: 'fail-well:attention';
  choice: AttentionChoice;
}

/** Whether a runtime message is a well-formed attention request (messages are untrusted input). */
export function isAttentionRequest(message: unknown): message is AttentionRequest {
  const m = message as Partial<AttentionRequest> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'fail-well:attention' &&
    (ATTENTION_CHOICES as readonly unknown[]).includes(m.choice)
  );
}

/** Ask the background for a snooze, pause or resume; resolves once it is stored. */
export async function requestAttention(choice: AttentionChoice): Promise<void> {
  const request: AttentionRequest = { type: 'fail-well:attention', choice };
  await browser.runtime.sendMessage(request);
}
