/**
 * Giving the page a breath between slices of long work (reading the review copy, an export, an
 * import check), so typing, scrolling and painting go on. One helper for all of them: each had
 * its own, and the zero-timeout ones were clamped to 4 ms and throttled to once a second in a
 * background tab.
 */

/**
 * Let the page handle input and paint. `scheduler.yield` where there is one; otherwise a
 * message, which (unlike a zero timeout) is neither clamped to 4 ms nor throttled to once a
 * second when the tab is in the background.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
