/**
 * The encrypted backup, version 3: what an automatic backup of a locked journal is. The
 * background may hold only the public key (the journal locked), so it cannot seal with the
 * data key as version 2 does; it does not need to. Every stored row is already sealed (to
 * the public key or with the data key) and is copied as ciphertext; a row not sealed yet (a
 * seal cut short) is sealed to the public key on the way; the settings are sealed to the
 * public key too. The file:
 *
 *   { "format": "fail-well-encrypted-backup", "version": 3, "createdAt": <ms>,
 *     "keyring": <Keyring>, "settings": <pk envelope>, "checkins": ["YYYY-MM-DD", …],
 *     "reflections": [<sealed row>, …] }
 *
 * What stays readable in it is what the locked database keeps readable (ids, times, template,
 * trigger, sting — see README "What the lock protects") and the calm-day dates. Each row's
 * envelope is bound to its id, so words moved onto another row do not open; unlike version 2
 * the file as a whole is not bound, so a row left out is not noticed. Opening gives the plain
 * export text, so the one import path checks and merges it. Pure.
 */
import { isRecord } from '../core/parse';
import { jsonWriter } from '../data/export-json';
import type { Reflection } from '../reflections/reflection';
import type { Settings } from '../settings/settings';
import { ENCRYPTED_BACKUP_FORMAT } from './encrypted-backup';
import {
  LockError,
  type OpeningKeys,
  openEnvelope,
  parseEnvelope,
  type SealingKey,
  sealToPublicKey,
} from './envelope';
import type { Keyring } from './keyring';
import { openReflection } from './sealed-reflection';

export const SEALED_BACKUP_VERSION = 3;

const settingsPlace = (createdAt: number) => `backup/${createdAt}/settings`;

/** The header of a version 3 file, up to its reflections; the rows follow as chunks. */
export async function sealedBackupStart(
  keyring: Keyring,
  key: SealingKey,
  settings: Settings,
  checkins: readonly string[],
  createdAt: number,
): Promise<string> {
  const head = JSON.stringify({
    format: ENCRYPTED_BACKUP_FORMAT,
    version: SEALED_BACKUP_VERSION,
    createdAt,
    keyring,
    settings: await sealToPublicKey(key, settingsPlace(createdAt), settings),
    checkins,
  });
  return `${head.slice(0, -1)},"reflections":[`;
}

/**
 * One chunk of sealed rows as the file holds them (live ones only, like every export);
 * `first` says whether any row came before, for the comma.
 */
export function sealedBackupChunk(rows: readonly Reflection[], first: boolean): string {
  const live = rows.filter((r) => r.deletedAt === null);
  if (live.length === 0) return '';
  return `${first ? '' : ','}\n${live.map((r) => JSON.stringify(r)).join(',\n')}`;
}

export const SEALED_BACKUP_END = '\n]}\n';

/**
 * The plain export inside a version 3 file, opened with keys unlocked from its own keyring.
 * Throws `LockError`: `unreadable` for a changed row or settings, `malformed` for a broken file.
 */
export async function openSealedBackup(
  parsed: Record<string, unknown>,
  keys: OpeningKeys,
): Promise<string> {
  const { createdAt, checkins, reflections } = parsed;
  if (typeof createdAt !== 'number' || !Array.isArray(reflections) || !Array.isArray(checkins)) {
    throw new LockError('malformed');
  }
  const settings = await openEnvelope(
    keys,
    settingsPlace(createdAt),
    parseEnvelope(parsed.settings),
  );
  const opened: Reflection[] = [];
  for (const row of reflections) {
    if (!isRecord(row) || typeof row.id !== 'string') throw new LockError('malformed');
    const sealed = row.sealed === undefined ? undefined : parseEnvelope(row.sealed);
    opened.push(await openReflection({ ...(row as unknown as Reflection), sealed }, keys));
  }
  // The import checks settings, check-ins and every reflection like those of any export.
  const writer = jsonWriter({
    exportedAt: createdAt,
    settings: settings as Settings,
    checkins: checkins as string[],
  });
  return writer.start() + writer.chunk(opened) + writer.end();
}
