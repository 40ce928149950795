import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { checkIn, loadCheckins } from '../../../utils/capture/checkin-store';
import { emptyDraft } from '../../../utils/capture/draft';
import { loadDraft, saveDraft } from '../../../utils/capture/draft-store';
import { POPUP_START_KEY } from '../../../utils/capture/popup-start-store';
import { deleteAllData } from '../../../utils/data/delete-everything-store';
import { readHeartbeat, refreshHeartbeat } from '../../../utils/data/heartbeat-store';
import { lastExportItem } from '../../../utils/data/storage-status-store';
import { NUDGE_ANSWERED_KEY } from '../../../utils/nudges/nudge-answer-store';
import { EMPTY_NUDGE_STATE } from '../../../utils/nudges/nudge-state';
import { getNudgeState, nudgeStateItem } from '../../../utils/nudges/nudge-state-store';
import { BADGE_REMINDER_KEY } from '../../../utils/nudges/worker/reminder-delivery';
import { siteTabsItem } from '../../../utils/nudges/worker/trigger-handlers';
import { allReflections, saveReflection } from '../../../utils/reflections/db-store';
import { countPending } from '../../../utils/reflections/sync-store';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { getSettings, setSettings } from '../../../utils/settings/settings-store';
import { readSyncConfig, saveSyncConfig } from '../../../utils/sync/sync-config-store';
import { installFakeExtras } from '../../helpers/fake-extras';
import { memoryStorage } from '../../helpers/memory-storage';
import { richReflection } from '../../helpers/reflections';

const NOW = 1_800_000_000_000;
const PAGE = {
  title: 'Quarterly numbers — draft',
  url: 'https://intranet.example/q3',
  selection: 'we missed',
};

describe('delete everything', () => {
  it('leaves nothing the person wrote or visited in any store', async () => {
    // Seed every place Fail Well keeps something.
    for (const n of [1, 2, 3]) await saveReflection(richReflection(n));
    await saveReflection(richReflection(4, { deletedAt: NOW }));
    await checkIn(NOW);
    await saveDraft({ ...emptyDraft('quick', NOW), answers: { happened: 'half a thought' } });
    await nudgeStateItem.setValue({
      ...EMPTY_NUDGE_STATE,
      lastFiredAt: NOW,
      snooze: { until: NOW + 3_600_000, remind: true, trigger: 'site', context: PAGE },
    });
    await browser.storage.local.set({
      [BADGE_REMINDER_KEY]: { kind: 'follow-up', reflectionId: richReflection(1).id },
      [NUDGE_ANSWERED_KEY]: NOW,
    });
    await lastExportItem.setValue(NOW);
    await siteTabsItem.setValue({ 7: { url: PAGE.url, title: PAGE.title } } as never);
    await setSettings({ ...DEFAULT_SETTINGS, theme: 'dark', backupEvery: 'weekly' });
    await browser.action.setBadgeText({ text: '2' });
    // The heartbeat would otherwise offer to rescue the journal deleted on purpose.
    expect((await refreshHeartbeat())?.count).toBe(3);
    await browser.notifications.create('fail-well-nudge:site', {
      type: 'basic',
      title: 'After Quarterly numbers — draft',
      message: 'Anything worth a lesson?',
      iconUrl: 'icon.png',
    });
    await browser.notifications.create('fail-well-reminder:follow-up', {
      type: 'basic',
      title: 'You planned',
      message: 'Next time 1',
      iconUrl: 'icon.png',
    });
    const local = memoryStorage();
    local.setItem(POPUP_START_KEY, JSON.stringify({ label: 'What happened?' }));
    // The seeding really reached every area.
    expect(Object.keys(await browser.storage.local.get(null)).length).toBeGreaterThanOrEqual(6);
    expect(await browser.storage.session.get(null)).not.toEqual({});
    expect(await browser.storage.sync.get(null)).not.toEqual({});

    expect(await deleteAllData(local)).toBe(4);

    expect(await allReflections()).toEqual([]);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await browser.storage.session.get(null)).toEqual({});
    expect(await browser.storage.sync.get(null)).toEqual({});
    expect(await readHeartbeat()).toBeNull();
    expect(await loadCheckins()).toEqual([]);
    expect(await loadDraft()).toBeNull();
    expect(await getNudgeState()).toEqual(EMPTY_NUDGE_STATE);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await browser.notifications.getAll()).toEqual({});
    expect(local.length).toBe(0);
  });

  it('disconnects sync and gives back its host permission, so nothing is pulled back in', async () => {
    const extras = installFakeExtras();
    extras.answer.grant = true;
    await browser.permissions.request({ origins: ['https://couch.example.com/*'] });
    await saveSyncConfig({
      dbUrl: 'https://couch.example.com/journal',
      user: 'ada',
      password: { _id: 'fail-well:sync-password', v: 1, kid: 'k', iv: 'aa', ct: 'bb' },
      paused: false,
    } as never);
    await saveReflection(richReflection(1));
    expect(await countPending()).toBe(1);

    await deleteAllData();

    expect(await readSyncConfig()).toBeNull();
    expect(await countPending()).toBe(0);
    expect(extras.granted.size).toBe(0);
  });

  it('works on an empty profile', async () => {
    expect(await deleteAllData()).toBe(0);
    expect(await browser.storage.local.get(null)).toEqual({});
  });
});
