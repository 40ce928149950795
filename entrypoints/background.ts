import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { autoBackupItem } from '../utils/data/auto-backup-store';
import {
  handleAutoLockAlarm,
  handleScreenLocked,
  watchAutoLock,
} from '../utils/lock/auto-lock-store';
import { resumeSealing } from '../utils/lock/lock-migration-store';
import { isAttentionRequest } from '../utils/nudges/attention-request-browser';
import { IDLE_DETECTION_SECONDS } from '../utils/nudges/idle-break';
import { watchNudgeAnswered } from '../utils/nudges/nudge-answer-store';
import {
  ensureBackupCheck,
  handleBackupAlarm,
  runBackupCheck,
} from '../utils/nudges/worker/backup-handlers';
import { handleContextMenu } from '../utils/nudges/worker/context-menus';
import {
  handleNotificationButton,
  handleNotificationClosed,
} from '../utils/nudges/worker/notification-handlers';
import {
  onAlarm,
  onInstalled,
  onNotificationClicked,
  onSettingsChanged,
  onStartup,
} from '../utils/nudges/worker/nudge-engine';
import { restoreSchedule, setAttention } from '../utils/nudges/worker/schedule-handlers';
import {
  handleDownloadChanged,
  handleIdle,
  handleNavigationError,
  handlePermissionsRemoved,
  handleTabRemoved,
  handleTabUpdated,
  listenToOptionalEvents,
} from '../utils/nudges/worker/trigger-handlers';
import { onReflectionsChanged } from '../utils/reflections/db-connection-store';
import { settingsItem } from '../utils/settings/settings-store';
import { watchSyncConfig } from '../utils/sync/sync-config-store';
import {
  ensureSyncAlarm,
  handleSyncAlarm,
  isSyncNowRequest,
  runSync,
  syncSoon,
} from '../utils/sync/worker/sync-runner';

export default defineBackground(() => {
  // Listeners are registered synchronously, at the top, so a woken worker hears its event.
  // Each one hands off to utils/nudges/worker/ (nudge-engine.ts composes the jobs an event
  // shares), which keeps its state in storage. They return the handler's promise (the browser
  // ignores it; tests await it).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the review page explains what Fail Well does and how to write the first lesson.
    if (reason === 'install') void browser.runtime.openOptionsPage();
    return Promise.all([onInstalled(reason), ensureBackupCheck()]);
  });
  // The start-up lesson first, then reminders: the order is the engine's (onStartup).
  // Alarms may not survive a restart: the backup check is started again with the browser.
  // Sync, when a server is connected, catches up at start-up too.
  browser.runtime.onStartup.addListener(() =>
    Promise.all([
      onStartup(),
      resumeSealing(),
      ensureBackupCheck(),
      ensureSyncAlarm().then(() => runSync(Date.now())),
    ]),
  );
  // The review page's snooze, pause and resume: the engine runs here, in its owner.
  // The Data section's "Sync now" (and its yes to the mass-delete failsafe): the run is here.
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isSyncNowRequest(message)) {
      const allowDeletes = message.allowDeletes === true;
      return ensureSyncAlarm().then(() => runSync(Date.now(), { allowDeletes }));
    }
    if (!isAttentionRequest(message)) return undefined;
    return setAttention(message.choice).then(() => true);
  });
  browser.alarms.onAlarm.addListener((alarm) =>
    Promise.all([
      onAlarm(alarm.name),
      handleAutoLockAlarm(alarm.name, Date.now()),
      handleBackupAlarm(alarm.name),
      handleSyncAlarm(alarm.name, Date.now()),
    ]),
  );

  browser.notifications.onClicked.addListener((id) => onNotificationClicked(id));
  browser.notifications.onButtonClicked.addListener((id, button) =>
    handleNotificationButton(id, button),
  );
  browser.notifications.onClosed.addListener((id, byUser) => handleNotificationClosed(id, byUser));

  browser.idle.setDetectionInterval(IDLE_DETECTION_SECONDS);
  browser.idle.onStateChanged.addListener((state) =>
    Promise.all([handleIdle(state), handleScreenLocked(state)]),
  );

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
  settingsItem.watch(() => onSettingsChanged());
  watchNudgeAnswered(() => void restoreSchedule('answer'));
  // Automatic backups switched on (or changed): the first one is written at once when due.
  autoBackupItem.watch(() => void runBackupCheck().then(ensureBackupCheck));
  // The lock: auto-lock follows every unlock and use of a page.
  watchAutoLock();
  // A change written while the worker is awake goes out soon; the outbox keeps the rest
  // for the next run whenever the worker sleeps through a change.
  onReflectionsChanged(() => void syncSoon());
  // Connected, paused or disconnected in the Data section: the periodic run follows.
  watchSyncConfig(() => void ensureSyncAlarm());
});
