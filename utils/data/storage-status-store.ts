/**
 * A thin adapter over the browser's storage manager and the per-device export record:
 * persistence, usage and quota, and when this device last exported a backup.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { uiLanguage } from '../i18n/i18n';

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

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "1.2 MB" / "1,2 MB" — a size in plain words, in the UI language (or `locale`). */
export function formatBytes(bytes: number, locale: string = uiLanguage()): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    // "512 bytes" in full; larger sizes by their usual short names ("kB", "MB").
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
  }).format(value);
}
