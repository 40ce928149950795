import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDraft } from '../../../utils/capture/draft-store';
import { IDLE_DETECTION_SECONDS, idleTransition } from '../../../utils/nudges/idle-break';
import { DEFAULT_NUDGE_SETTINGS } from '../../../utils/nudges/nudge-settings';
import { handleIdle } from '../../../utils/nudges/worker/trigger-handlers';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { settingsItem } from '../../../utils/settings/settings-store';
import { installFakeExtras } from '../../helpers/fake-extras';

describe('idleTransition', () => {
  const t = 1_000_000_000;
  it.each([
    [
      'idle starts a break a detection interval back',
      null,
      'idle',
      t,
      { idleSince: t - IDLE_DETECTION_SECONDS * 1000, breakMs: null },
    ],
    ['locked starts a break now', null, 'locked', t, { idleSince: t, breakMs: null }],
    [
      'locked after idle keeps the first start',
      t - 5000,
      'locked',
      t,
      { idleSince: t - 5000, breakMs: null },
    ],
    [
      'back to active measures the break',
      t - 45 * 60_000,
      'active',
      t,
      { idleSince: null, breakMs: 45 * 60_000 },
    ],
    [
      'active without a known start is no break',
      null,
      'active',
      t,
      { idleSince: null, breakMs: null },
    ],
  ] as const)('%s', (_name, since, next, now, expected) => {
    expect(idleTransition(since, next, now)).toEqual(expected);
  });
});

// Firefox reports only "idle" and "active" (never "locked"): a break must come from those two.
describe('a break from "idle" and "active" alone (Firefox)', () => {
  const noon = Date.UTC(2026, 10, 30, 12);

  it('idle then active, 45 minutes later, is a break measured from the last input', () => {
    const away = idleTransition(null, 'idle', noon);
    const back = idleTransition(away.idleSince, 'active', noon + 45 * 60_000);
    expect(back.breakMs).toBe(45 * 60_000 + IDLE_DETECTION_SECONDS * 1000);
    expect(back.idleSince).toBeNull();
  });

  it('through the background: a long idle spell nudges on return, without any "locked"', async () => {
    installFakeExtras();
    // Quiet hours off, so the machine's time zone cannot put noon UTC inside them.
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      nudges: {
        ...DEFAULT_NUDGE_SETTINGS,
        idle: { enabled: true, minutes: 30, delivery: 'badge' },
        quietHours: { ...DEFAULT_NUDGE_SETTINGS.quietHours, enabled: false },
      },
    });
    await handleIdle('idle', noon);
    await handleIdle('active', noon + 40 * 60_000);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect((await loadDraft())?.trigger).toBe('idle');
  });
});
