/**
 * Copy text from a click. Extension pages may write to the clipboard from a user gesture
 * without the clipboardWrite permission (checked in Chromium, tests/e2e/follow-through.e2e.ts),
 * so none is requested. Resolves false when the browser refuses, so the page can say so.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
