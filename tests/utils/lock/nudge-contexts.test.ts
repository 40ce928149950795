import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLock, lockNow } from '../../../utils/lock/lock-store';
import { EMPTY_NUDGE_STATE, type NudgeState } from '../../../utils/nudges/nudge-state';
import { getNudgeState, saveNudgeState } from '../../../utils/nudges/nudge-state-store';

const page = {
  title: 'PELICAN-8 incident doc',
  url: 'https://intra.example/pelican',
  selection: 'rollback',
};
const state: NudgeState = {
  ...EMPTY_NUDGE_STATE,
  notifications: { n1: { trigger: 'site', context: page, createdAt: 5 } },
  snooze: { until: 10, remind: true, trigger: 'context-menu', context: page },
};

describe('the pages nudges remember, with the lock on', () => {
  it('stay in storage.local without the lock (as before)', async () => {
    await saveNudgeState(state);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain('PELICAN-8');
    expect(await getNudgeState()).toEqual(state);
  });

  it('never reach storage.local with it, and come back while the browser runs', async () => {
    await createLock('a long passphrase', 0, 100_000);
    await lockNow();
    await saveNudgeState(state);
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const words of ['PELICAN-8', 'intra.example', 'rollback'])
      expect(local).not.toContain(words);
    expect(await getNudgeState()).toEqual(state);
  });
});
