/**
 * The settings capture needs — the popup reads them before its first paint — with their
 * defaults and a pure parser that repairs bad values (the read is in settings-read-store.ts).
 * Apart from settings.ts so the popup carries none of the nudge, backup or other parsers: its
 * start-up budget is 15 KB.
 */
import { bool, oneOf, ownRecord } from '../core/parse';
import { isTemplateId, type TemplateId } from '../reflections/templates';

export type Theme = 'system' | 'light' | 'dark';

/** The settings the popup needs before its first paint. */
export const DEFAULT_CAPTURE_SETTINGS = {
  /** The template the popup opens with. */
  defaultTemplate: 'quick' as TemplateId,
  /** Tick "attach this page" by default in the popup. */
  attachPageByDefault: false,
  theme: 'system' as Theme,
  /** Gentle hints when an answer uses self-blame language. */
  selfBlameHints: true,
};

export type CaptureSettings = typeof DEFAULT_CAPTURE_SETTINGS;

/**
 * The capture settings alone, repaired. Apart from `parseSettings` so the popup does not
 * carry the nudge, backup and follow-up parsers: its start-up budget is 15 KB (the popup
 * reads the follow-up settings only when a save plans follow-ups).
 */
export function parseCaptureSettings(raw: unknown): CaptureSettings {
  // Own properties only: a value whose prototype carries settings must not sneak them in.
  const input = ownRecord(raw);
  const d = DEFAULT_CAPTURE_SETTINGS;
  return {
    defaultTemplate: isTemplateId(input.defaultTemplate)
      ? input.defaultTemplate
      : d.defaultTemplate,
    attachPageByDefault: bool(input.attachPageByDefault, d.attachPageByDefault),
    theme: oneOf(input.theme, ['system', 'light', 'dark'], d.theme),
    selfBlameHints: bool(input.selfBlameHints, d.selfBlameHints),
  };
}

/** Where settings live: `sync`, so they follow the user between browsers; reflections never do. */
export const SETTINGS_AREA = 'sync';
export const SETTINGS_KEY = 'settings';
