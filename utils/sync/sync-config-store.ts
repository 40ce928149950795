/**
 * Where sync keeps its server and its last run: `storage.local`, per device. The password is
 * sealed under sync's key from the lock before it is stored, and opened only by a run.
 */
import { storage } from '@wxt-dev/storage';
import {
  IDLE_STATUS,
  PASSWORD_DOC_ID,
  parseSyncConfig,
  parseSyncStatus,
  type SyncConfig,
  type SyncStatus,
} from './sync-config';
import { openDoc, sealDoc } from './sync-doc';
import type { SyncKeys } from './sync-keys';

const configItem = storage.defineItem<unknown>('local:sync:config');
const statusItem = storage.defineItem<unknown>('local:sync:status');

/** The connected server, or null when sync is off. */
export async function readSyncConfig(): Promise<SyncConfig | null> {
  return parseSyncConfig(await configItem.getValue());
}

/** Save the server (connect, pause, resume); null disconnects. */
export async function saveSyncConfig(config: SyncConfig | null): Promise<void> {
  if (config === null) await Promise.all([configItem.removeValue(), statusItem.removeValue()]);
  else await configItem.setValue(config);
}

/** Call `listener` with the config whenever it changes (connect, pause, disconnect). */
export function watchSyncConfig(listener: (config: SyncConfig | null) => void): () => void {
  return configItem.watch((raw) => listener(parseSyncConfig(raw)));
}

/** The last run's outcome. */
export async function readSyncStatus(): Promise<SyncStatus> {
  return parseSyncStatus(await statusItem.getValue());
}

/** Record a run's outcome (the background's runner, which owns it). */
export async function writeSyncStatus(status: SyncStatus): Promise<void> {
  await statusItem.setValue(status);
}

/** Call `listener` with every new status (the Data section's live line). */
export function watchSyncStatus(listener: (status: SyncStatus) => void): () => void {
  return statusItem.watch((raw) => listener(raw === null ? IDLE_STATUS : parseSyncStatus(raw)));
}

/** The password as it is stored: sealed under sync's document key, bound to its own id. */
export function sealPassword(password: string, keys: SyncKeys): Promise<SyncConfig['password']> {
  return sealDoc(PASSWORD_DOC_ID, password, keys.docKey, keys.kid);
}

/** The password in the clear, for one run; throws SyncDocError when it cannot be opened. */
export async function openPassword(config: SyncConfig, keys: SyncKeys): Promise<string> {
  const opened = await openDoc(config.password, (kid) =>
    kid === keys.kid ? keys.docKey : keys.past?.get(kid)?.docKey,
  );
  return !opened.deleted && typeof opened.value === 'string' ? opened.value : '';
}
