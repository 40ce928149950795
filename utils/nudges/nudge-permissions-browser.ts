/**
 * The opt-in triggers and the optional permissions they need. Each is requested only when the
 * user turns its trigger on (from a click on the settings page); without it the trigger stays
 * off and the page says why.
 */
import { browser } from 'wxt/browser';
import type { MessageKey } from '../i18n/i18n';
import type { NudgeSettings } from './nudge-settings';

/** Triggers that need a permission the extension does not hold by default. */
export type OptInTrigger = 'site' | 'navigation' | 'downloads';

export const TRIGGER_PERMISSIONS: Readonly<
  Record<OptInTrigger, 'tabs' | 'webNavigation' | 'downloads'>
> = {
  site: 'tabs',
  navigation: 'webNavigation',
  downloads: 'downloads',
};

/**
 * Plain words for a refused permission: what stays off and how to turn it on later. Keys, not
 * text: the words are looked up when shown, in the browser's language.
 */
export const REFUSED_MESSAGE: Readonly<Record<OptInTrigger, MessageKey>> = {
  site: 'nudgesRefusedSite',
  navigation: 'nudgesRefusedNavigation',
  downloads: 'nudgesRefusedDownloads',
};

/** Whether an opt-in trigger is on in these settings. */
export function isOptInOn(settings: NudgeSettings, trigger: OptInTrigger): boolean {
  return trigger === 'site' ? settings.site.enabled : settings.failure[trigger];
}

/** Settings with an opt-in trigger switched on or off. */
export function withOptIn(
  settings: NudgeSettings,
  trigger: OptInTrigger,
  on: boolean,
): NudgeSettings {
  return trigger === 'site'
    ? { ...settings, site: { ...settings.site, enabled: on } }
    : { ...settings, failure: { ...settings.failure, [trigger]: on } };
}

/** Settings as they can act: an opt-in trigger whose permission is missing counts as off. */
export function permittedSettings(
  settings: NudgeSettings,
  granted: readonly string[],
): NudgeSettings {
  let out = settings;
  for (const trigger of Object.keys(TRIGGER_PERMISSIONS) as OptInTrigger[]) {
    if (isOptInOn(out, trigger) && !granted.includes(TRIGGER_PERMISSIONS[trigger])) {
      out = withOptIn(out, trigger, false);
    }
  }
  return out;
}

/** The optional permissions the extension holds now. */
export async function grantedPermissions(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return all.permissions ?? [];
}

/**
 * Ask for the trigger's permission. Call it first thing in a click handler: browsers only
 * show the prompt during a user gesture. Resolves to whether it was granted.
 */
export async function requestTriggerPermission(trigger: OptInTrigger): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: [TRIGGER_PERMISSIONS[trigger]] });
  } catch {
    return false;
  }
}
