import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isAttentionRequest } from '../utils/nudges/attention-request-browser';
import { IDLE_DETECTION_SECONDS } from '../utils/nudges/idle-break';
import { watchNudgeAnswered } from '../utils/nudges/nudge-answer-store';
import { ensureSeed } from '../utils/nudges/nudge-state';
import {
  checkReminders,
  ensureDueCheck,
  handleAlarm,
  handleContextMenu,
  handleDownloadChanged,
  handleDueAlarm,
  handleIdle,
  handleNavigationError,
  handleNotificationButton,
  handleNotificationClick,
  handleNotificationClosed,
  handlePermissionsRemoved,
  handleReminderClick,
  handleStartup,
  handleTabRemoved,
  handleTabUpdated,
  listenToOptionalEvents,
  restoreSchedule,
  setAttention,
  syncContextMenus,
} from '../utils/nudges/worker/nudge-engine';
import { settingsItem } from '../utils/settings/settings-store';

export default defineBackground(() => {
  // Listeners are registered synchronously, at the top, so a woken worker hears its event.
  // Each one hands off to utils/nudges/worker/nudge-engine.ts, which keeps its state in storage. They
  // return the handler's promise (the browser ignores it; tests await it).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the review page explains what Fail Well does and how to write the first lesson.
    if (reason === 'install') void browser.runtime.openOptionsPage();
    return Promise.all([
      // The seed first, so the first plan already rings at this install's own random moment.
      ensureSeed()
        .catch(() => 0)
        .then(() => restoreSchedule(reason === 'install' ? 'install' : 'update')),
      syncContextMenus(),
      ensureDueCheck().then(() => checkReminders()),
    ]);
  });
  // The start-up lesson goes first; a due reminder then keeps the cooldown after it. A lesson
  // that fails to show must not keep the hourly check from starting (alarms may not survive a
  // restart), so the reminders wait for it to settle, not to succeed.
  browser.runtime.onStartup.addListener(() => {
    // A failed seed must not cost the start-up lesson: the schedule then uses seed 0.
    const lesson = ensureSeed()
      .catch(() => 0)
      .then(() => handleStartup());
    const reminders = lesson
      .catch(() => null)
      .then(() => ensureDueCheck())
      .then(() => checkReminders());
    return Promise.all([lesson, reminders, syncContextMenus()]);
  });
  // The review page's snooze, pause and resume: the engine runs here, in its owner.
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isAttentionRequest(message)) return undefined;
    return setAttention(message.choice).then(() => true);
  });
  // Each handler ignores alarms that are not its own.
  browser.alarms.onAlarm.addListener((alarm) =>
    Promise.all([handleAlarm(alarm.name), handleDueAlarm(alarm.name)]),
  );

  // Nudges and reminders have their own id prefixes: each handler ignores the other's.
  browser.notifications.onClicked.addListener((id) =>
    Promise.all([handleNotificationClick(id), handleReminderClick(id)]),
  );
  browser.notifications.onButtonClicked.addListener((id, button) =>
    handleNotificationButton(id, button),
  );
  browser.notifications.onClosed.addListener((id, byUser) => handleNotificationClosed(id, byUser));

  browser.idle.setDetectionInterval(IDLE_DETECTION_SECONDS);
  browser.idle.onStateChanged.addListener((state) => handleIdle(state));

  browser.contextMenus.onClicked.addListener((info, tab) => handleContextMenu(info, tab));

  // Without the `tabs` permission these events carry no URLs, so nothing matches: harmless.
  browser.tabs.onUpdated.addListener((tabId, change) => handleTabUpdated(tabId, change));
  browser.tabs.onRemoved.addListener((tabId) => handleTabRemoved(tabId));

  const onNavigationError = (details: { frameId: number; url: string; error: string }) =>
    handleNavigationError(details);
  const onDownloadChanged = (delta: Parameters<typeof handleDownloadChanged>[0]) =>
    handleDownloadChanged(delta);
  listenToOptionalEvents(onNavigationError, onDownloadChanged);
  // Granted while running: the namespaces appear now, so start listening without a restart.
  browser.permissions.onAdded.addListener(() =>
    listenToOptionalEvents(onNavigationError, onDownloadChanged),
  );
  browser.permissions.onRemoved.addListener(({ permissions }) =>
    handlePermissionsRemoved(permissions ?? []),
  );

  // Changes take effect at once: a new schedule, new menus; an answer resets back-off.
  settingsItem.watch(() => {
    void restoreSchedule('settings');
    void syncContextMenus();
  });
  watchNudgeAnswered(() => void restoreSchedule('answer'));
});
