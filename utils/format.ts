/** Small display helpers shared by the pages. Locale comes from the browser via Intl. */
import type { Trigger } from './reflection';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "29 Nov 2026, 17:30" in the browser's locale. */
export function formatDateTime(epochMs: number): string {
  return dateFormat.format(epochMs);
}

export const TRIGGER_LABELS: Readonly<Record<Trigger, string>> = {
  manual: 'On my own',
  schedule: 'Scheduled nudge',
  idle: 'Back from a break',
  startup: 'Browser start-up',
  site: 'Left a site',
  'navigation-error': 'Page failed to load',
  'download-error': 'Download failed',
  'context-menu': 'From a page',
  'follow-up': 'Follow-up',
};
