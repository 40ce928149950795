/**
 * Where automatic backups keep their choice and their log: `storage.local`, per device (the
 * `downloads` grant, the files and the reflections are this device's). The Data section
 * writes the choice; the worker (utils/nudges/worker/backup-handlers.ts) writes the log.
 */
import { storage } from '@wxt-dev/storage';
import {
  type AutoBackupSettings,
  type BackupLog,
  DEFAULT_AUTO_BACKUP,
  EMPTY_BACKUP_LOG,
  parseAutoBackupSettings,
  parseBackupLog,
} from './auto-backup';

export const autoBackupItem = storage.defineItem<AutoBackupSettings>('local:autoBackup', {
  fallback: DEFAULT_AUTO_BACKUP,
});

export const backupLogItem = storage.defineItem<BackupLog>('local:autoBackupLog', {
  fallback: EMPTY_BACKUP_LOG,
});

/** The person's choice, checked. */
export async function readAutoBackup(): Promise<AutoBackupSettings> {
  return parseAutoBackupSettings(await autoBackupItem.getValue());
}

/** The log, checked. */
export async function readBackupLog(): Promise<BackupLog> {
  return parseBackupLog(await backupLogItem.getValue());
}
