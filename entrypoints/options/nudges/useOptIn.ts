/**
 * Switching an opt-in trigger (a listed site, a failed page or download): on asks for its
 * permission from the click itself, off gives the permission back. Shared by the site and
 * failure cards.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../../utils/i18n/i18n';
import {
  type OptInTrigger,
  REFUSED_MESSAGE,
  requestTriggerPermission,
  TRIGGER_PERMISSIONS,
  withOptIn,
} from '../../../utils/nudges/nudge-permissions-browser';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';

/** Switch an opt-in trigger: turning it on asks for its permission first, from this click. */
export function useOptIn(nudges: NudgeSettings, save: (next: NudgeSettings) => void) {
  const [refused, setRefused] = useState<Partial<Record<OptInTrigger, string>>>({});
  const toggle = async (trigger: OptInTrigger, on: boolean) => {
    if (on) {
      // The permission request must be the first thing in the click handler (a user gesture).
      const granted = await requestTriggerPermission(trigger);
      setRefused((r) => ({ ...r, [trigger]: granted ? undefined : t(REFUSED_MESSAGE[trigger]) }));
      if (granted) save(withOptIn(nudges, trigger, true));
      return;
    }
    save(withOptIn(nudges, trigger, false));
    setRefused((r) => ({ ...r, [trigger]: undefined }));
    // Least privilege: give the permission back when nothing uses it.
    await browser.permissions
      .remove({ permissions: [TRIGGER_PERMISSIONS[trigger]] })
      .catch(() => false);
  };
  return { refused, toggle };
}
