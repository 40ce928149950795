/**
 * Running sync in the background: on its alarm, soon after a change, at start-up and when the
 * Data section asks. One run at a time in every context (the `fail-well:sync` Web Lock); only
 * while the journal is unlocked in this browser session (its keys are sync's keys) and only
 * with the host permission for the person's server. Each run records its outcome for the
 * Data section; a failed one is tried again later, waiting longer each time.
 */
import { browser } from 'wxt/browser';
import { withLock } from '../../core/cross-context-lock-browser';
import { fromBase64 } from '../../lock/bytes';
import { LockError } from '../../lock/envelope';
import { readPastKeys } from '../../lock/key-switch-store';
import { importDataKey, type Keyring } from '../../lock/keyring';
import { currentCodec } from '../../lock/lock-codec-store';
import { readKeyring, readSession } from '../../lock/lock-read-store';
import { isPastKey, openPastKeys, type PastKey } from '../../lock/past-keys';
import { rekeySync } from '../../reflections/sync-store';
import { MAX_ATTEMPTS, retryDelay, SyncHttpError } from '../couch-errors';
import { parseServerAddress } from '../server-address';
import { serverClient } from '../server-client';
import type { SyncConfig, SyncStatus } from '../sync-config';
import {
  openPassword,
  readSyncConfig,
  readSyncStatus,
  saveSyncConfig,
  sealPassword,
  writeSyncStatus,
} from '../sync-config-store';
import { KEYRING_DOC_ID, keyringDoc, parseKeyringDoc, SyncDocError } from '../sync-doc';
import { type PastSyncKeys, type SyncKeys, syncKeysFrom } from '../sync-keys';
import { type RunReport, SyncStopError, syncOnce } from './sync-engine';

/** The periodic run, and the one-off run soon after a change (or a retry). */
export const SYNC_ALARM = 'fail-well:sync';
export const SYNC_SOON_ALARM = 'fail-well:sync-soon';
/** Armed while a run works; rings only if the worker was stopped part-way. */
export const SYNC_RESUME_ALARM = 'fail-well:sync-resume';
const EVERY_MINUTES = 15;
/** Changes within this wait go out together (Chrome's shortest alarm). */
const SOON_MINUTES = 0.5;
/** Pages per syncOnce call: the run goes on, but memory and one transaction stay small. */
const PAGES_PER_STEP = 20;
/** Steps in one run: 100,000 records take about 60 (1,200 pages). */
const STEPS_PER_RUN = 200;
/** A run stops starting pages after this long, well inside Chrome's 5 minutes per event. */
const RUN_BUDGET_MS = 4 * 60_000;

/** What the Data section sends to run sync now (optionally saying yes to the failsafe). */
export interface SyncNowRequest {
  type: 'fail-well:sync-now';
  allowDeletes?: boolean;
}

/** Whether a runtime message asks for a run. */
export function isSyncNowRequest(message: unknown): message is SyncNowRequest {
  return (message as { type?: unknown } | null)?.type === 'fail-well:sync-now';
}

/** Make sure the periodic run is scheduled while a server is connected (start-up, connect). */
export async function ensureSyncAlarm(): Promise<void> {
  const config = await readSyncConfig();
  if (!config) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  if (!(await browser.alarms.get(SYNC_ALARM))) {
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: EVERY_MINUTES });
  }
}

/** A change was written: run soon, once for a burst of changes (the alarm is replaced). */
export async function syncSoon(): Promise<void> {
  if (await readSyncConfig())
    await browser.alarms.create(SYNC_SOON_ALARM, { delayInMinutes: SOON_MINUTES });
}

/**
 * A run keeps a resume alarm of its own armed while it works, pushed on before every step: if
 * the browser stops the worker part-way (an MV3 worker may be stopped at any time, on the
 * first step as on any), the alarm wakes it within half a minute and the next run carries on
 * from the last committed page and the outbox, instead of the rest waiting for the periodic
 * alarm. A run that ends clears it — unless it stopped with work left (its step limit), which
 * is exactly when it should ring. It is apart from the soon alarm a change sets, so clearing
 * it can never drop a change's own run.
 */
async function armResume(): Promise<void> {
  await browser.alarms.create(SYNC_RESUME_ALARM, { delayInMinutes: SOON_MINUTES });
}

/** The alarm listener's share: run on sync's alarms. */
export async function handleSyncAlarm(name: string, now: number): Promise<void> {
  if ([SYNC_ALARM, SYNC_SOON_ALARM, SYNC_RESUME_ALARM].includes(name)) await runSync(now);
}

/** One run, now; returns the recorded status (or the last one when nothing ran). */
export function runSync(
  now: number,
  options: { allowDeletes?: boolean } = {},
): Promise<SyncStatus> {
  return withLock('fail-well:sync', async () => {
    const config = await readSyncConfig();
    const before = await readSyncStatus();
    if (!config || config.paused) return before;
    let workLeft = false;
    try {
      const outcome = await attempt(config, before, now, options.allowDeletes === true);
      workLeft = outcome.workLeft;
      const { status } = outcome;
      await writeSyncStatus(status);
      if (status.problem && status.failures < MAX_ATTEMPTS && retryable(status)) {
        const wait = retryDelay(status.failures - 1, Math.random);
        await browser.alarms.create(SYNC_SOON_ALARM, { when: now + wait });
      }
      return status;
    } finally {
      // Ended here (done, failed or thrown): only a stopped worker should hear the resume.
      if (!workLeft) await browser.alarms.clear(SYNC_RESUME_ALARM);
    }
  });
}

function retryable(status: SyncStatus): boolean {
  return ['unreachable', 'rate-limited', 'server-error'].includes(status.problem ?? '');
}

async function attempt(
  config: SyncConfig,
  before: SyncStatus,
  now: number,
  allowDeletes: boolean,
): Promise<{ status: SyncStatus; workLeft: boolean }> {
  const failed = (problem: SyncStatus['problem']) => ({
    status: { ...before, problem, failures: before.failures + 1 },
    workLeft: false,
  });
  const [keyring, session] = await Promise.all([readKeyring(), readSession()]);
  if (!keyring || !session || session.kid !== keyring.kid) return failed('locked');
  const address = parseServerAddress(config.dbUrl);
  if (!address.ok) return failed('bad-response');
  if (!(await browser.permissions.contains({ origins: [address.address.permission] }))) {
    return failed('no-permission');
  }
  try {
    const raw = fromBase64(session.dataKey);
    const past = await readPastKeys();
    const current = { kid: session.kid, dataKey: await importDataKey(raw) };
    let keys = {
      ...(await syncKeysFrom(raw, session.kid)),
      past: await pastSyncKeys(past, current),
    };
    const password = await openPassword(config, keys);
    if (config.password.kid !== keys.kid) await resealPassword(config, password, keys);
    const client = serverClient(config.dbUrl, config.user, password);
    const agreed = await agreeOnKeyring(client, keyring, past);
    if (agreed.problem) return failed(agreed.problem);
    // Earlier keys the server knows of and this device did not (it joined before a change).
    keys = {
      ...keys,
      past: new Map([...(await pastSyncKeys(agreed.past, current)), ...keys.past]),
    };
    const codec = await currentCodec();
    let report: RunReport | null = null;
    let rejected = 0;
    // A run ends with work left (its resume alarm set) after STEPS_PER_RUN, or once it has
    // worked RUN_BUDGET_MS: Chrome stops a worker whose one event runs past 5 minutes (a
    // first sync of 100,000 took 297–330 s in `npm run bench`), and a server that kept
    // answering with conflicts could otherwise hold it forever. The time is checked before
    // every page, not only every step: a step of 20 pull pages took over 40 s on a loaded
    // machine, so a step begun just inside the budget could have run past the limit (the
    // bench's pull of 100,000 ended one run at 286 s). Elapsed time, not the clock.
    const started = performance.now();
    const inBudget = () => performance.now() - started < RUN_BUDGET_MS;
    for (
      let step = 0;
      step < STEPS_PER_RUN && inBudget() && (report?.outcome ?? 'more') === 'more';
      step++
    ) {
      await armResume();
      report = await syncOnce(client, keys, codec, {
        allowDeletes,
        maxPages: PAGES_PER_STEP,
        inTime: inBudget,
      });
      rejected += report.rejected.length;
    }
    const last = report as RunReport;
    return {
      status: {
        lastSyncAt: last.outcome === 'ask' ? before.lastSyncAt : now,
        problem: null,
        failures: 0,
        ask: last.ask ? { deleting: last.ask.deleting, of: last.ask.of } : null,
        rejected,
      },
      workLeft: last.outcome === 'more',
    };
  } catch (error) {
    if (error instanceof SyncHttpError) return failed(error.code);
    if (error instanceof SyncStopError) return failed(error.code);
    if (error instanceof SyncDocError)
      return failed(error.code === 'unsupported' ? 'unsupported' : 'unknown-key');
    if (error instanceof LockError) return failed('unknown-key');
    throw error;
  }
}

/**
 * The password, stored before the journal's key changed, sealed again under the current key —
 * only if the stored connection is still the one this run read: a disconnect (or a new server)
 * meanwhile is never undone by writing the old connection back.
 */
async function resealPassword(read: SyncConfig, password: string, keys: SyncKeys): Promise<void> {
  const sealed = await sealPassword(password, keys);
  const now = await readSyncConfig();
  if (now?.dbUrl === read.dbUrl && now.password.ct === read.password.ct) {
    await saveSyncConfig({ ...now, password: sealed });
  }
}

/** Sync's keys for the journal's earlier keys, by key id. */
async function pastSyncKeys(
  past: readonly PastKey[],
  current: { kid: string; dataKey: CryptoKey },
): Promise<Map<string, PastSyncKeys>> {
  const opened = await openPastKeys(past, current);
  return new Map(
    await Promise.all(opened.map(async (p) => [p.kid, await syncKeysFrom(p.raw, p.kid)] as const)),
  );
}

/**
 * Make sure the server's keyring is this device's, so a second device unlocks with the same
 * passphrase. It goes up on the first run. A database holding another journal's keyring is
 * never written to. One holding this journal's keyring from before "Change the journal's key"
 * on this device gets the new one (with the earlier keys), once every record here is queued to
 * go up again under it; one holding a newer keyring that replaced this device's asks for the
 * passphrase (`key-changed`). Returns the server's earlier keys.
 */
async function agreeOnKeyring(
  client: ReturnType<typeof serverClient>,
  keyring: Keyring,
  past: PastKey[],
): Promise<{ problem?: 'unknown-key' | 'key-changed'; past: PastKey[] }> {
  const onServer = await client.getDoc(KEYRING_DOC_ID);
  if (!onServer) {
    await client.putDoc(keyringDoc(keyring, past));
    return { past };
  }
  const theirs = parseKeyringDoc(onServer);
  if (theirs.keyring.kid === keyring.kid) return { past: theirs.past };
  if (isPastKey(past, theirs.keyring.kid)) {
    // Re-keyed before the server hears of the key: a worker stopped between the two does this
    // again on the next run (bases already marked keep their mark).
    await rekeySync(theirs.keyring.kid, true);
    await client.putDoc(keyringDoc(keyring, past, theirs.rev));
    return { past };
  }
  return { problem: isPastKey(theirs.past, keyring.kid) ? 'key-changed' : 'unknown-key', past: [] };
}
