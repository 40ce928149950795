/**
 * User settings: one versioned storage item, read through a pure `parseSettings` that fills
 * defaults and repairs bad values (a hand-edited or imported value never breaks a page).
 */
import { storage } from '@wxt-dev/storage';
import { bool, oneOf, ownRecord } from './parse';
import { isTemplateId, type TemplateId } from './templates';

export type Theme = 'system' | 'light' | 'dark';

export const DEFAULT_SETTINGS = {
  /** The template the popup opens with. */
  defaultTemplate: 'quick' as TemplateId,
  /** Tick "attach this page" by default in the popup. */
  attachPageByDefault: false,
  theme: 'system' as Theme,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** Settings from anything (stored, imported, hand-edited): defaults filled, bad values repaired. */
export function parseSettings(raw: unknown): Settings {
  // Own properties only: a value whose prototype carries settings must not sneak them in.
  const input = ownRecord(raw);
  const d = DEFAULT_SETTINGS;
  return {
    defaultTemplate: isTemplateId(input.defaultTemplate)
      ? input.defaultTemplate
      : d.defaultTemplate,
    attachPageByDefault: bool(input.attachPageByDefault, d.attachPageByDefault),
    theme: oneOf(input.theme, ['system', 'light', 'dark'], d.theme),
  };
}

/** `sync:` so settings follow the user between their browsers; reflections never do. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The current settings, always valid. */
export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Save settings (repaired first, so storage only ever holds valid values). */
export async function setSettings(next: Settings): Promise<void> {
  await settingsItem.setValue(parseSettings(next));
}

/** Call `listener` with valid settings whenever they change (here or in another page). */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(parseSettings(value)));
}
