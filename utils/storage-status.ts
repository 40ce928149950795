/**
 * A thin adapter over the browser's storage manager and the per-device export record:
 * persistence, usage and quota, and when this device last exported a backup.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';

/** What the browser says about keeping our data. */
export interface StorageStatus {
  /** true: the browser will not evict our data under storage pressure. null: unknown. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  /**
   * The extension holds `unlimitedStorage` (Chrome): its storage is exempt from quota and
   * from eviction, even though `persisted()` still answers false.
   */
  unlimited: boolean;
}

/** Persistence, usage and quota, as far as this browser tells. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const manager = globalThis.navigator?.storage;
  const [persisted, estimate, unlimited] = await Promise.all([
    manager?.persisted ? manager.persisted().catch(() => null) : null,
    manager?.estimate ? manager.estimate().catch(() => null) : null,
    hasUnlimitedStorage(),
  ]);
  return {
    persisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    unlimited,
  };
}

async function hasUnlimitedStorage(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['unlimitedStorage'] });
  } catch {
    return false; // a browser without the permissions API: assume the plain quota
  }
}

/** Ask the browser to keep our data under storage pressure; returns its answer. */
export async function requestPersistence(): Promise<boolean | null> {
  const manager = globalThis.navigator?.storage;
  if (!manager?.persist) return null;
  return manager.persist().catch(() => null);
}

/** `local:` because a backup covers this device's reflections, which never sync. */
export const lastExportItem = storage.defineItem<number | null>('local:lastExportAt', {
  fallback: null,
});

/** When this device last finished a full export, or null. */
export async function getLastExportAt(): Promise<number | null> {
  const value = await lastExportItem.getValue();
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** "1.2 MB" — a size in plain words. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
