/**
 * The automatic backup file as the offscreen document (Chrome) or event page (Firefox)
 * builds it: every live reflection, importable by the one import path; with the lock on, the
 * rows copied as ciphertext while locked, opened again by the passphrase.
 */
import { describe, expect, it } from 'vitest';
import { buildBackupBlob } from '../../../utils/data/backup-file-store';
import { checkImport } from '../../../utils/data/import';
import { isEncryptedBackup } from '../../../utils/lock/encrypted-backup';
import { openAnyBackup } from '../../../utils/lock/encrypted-backup-parts';
import { LockError } from '../../../utils/lock/envelope';
import { readKeyring } from '../../../utils/lock/lock-read-store';
import { createLock, lockNow } from '../../../utils/lock/lock-store';
import { saveReflection } from '../../../utils/reflections/db-store';
import type { TemplatePrefs } from '../../../utils/reflections/own-templates';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { richReflection } from '../../helpers/reflections';

const NOW = 1_800_000_000_000;
const PASS = 'a long passphrase';
const settings = { ...DEFAULT_SETTINGS, theme: 'dark' as const };

async function textOf(blob: Blob): Promise<string> {
  return blob.text();
}

describe('the automatic backup file', () => {
  it('holds every live reflection, the settings and check-ins, as a plain export', async () => {
    const kept = [richReflection(1), richReflection(2), richReflection(3)];
    for (const r of kept) await saveReflection(r);
    await saveReflection(richReflection(4, { deletedAt: NOW }));
    const { blob, count } = await buildBackupBlob({
      createdAt: NOW,
      settings,
      checkins: ['2026-11-30'],
      keyring: null,
    });
    expect(count).toBe(3);
    const checked = await checkImport(await textOf(blob), NOW);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.file.reflections).toEqual(kept);
    expect(checked.file.checkins).toEqual(['2026-11-30']);
    expect(checked.file.settings.theme).toBe('dark');
  });

  it('carries the own templates, as a JSON export does', async () => {
    await saveReflection(richReflection(1));
    const templates: TemplatePrefs = {
      own: [
        {
          id: 'own-retro',
          name: 'Team retro',
          questions: [{ id: 'qa', role: 'happened', text: 'What went sideways?', hint: '' }],
        },
      ],
      hidden: ['gibbs'],
      byTrigger: { 'context-menu': 'own-retro' },
    };
    const { blob } = await buildBackupBlob({
      createdAt: NOW,
      settings,
      checkins: [],
      keyring: null,
      templates,
    });
    const checked = await checkImport(await textOf(blob), NOW);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.file.templates).toEqual(templates);
  });

  it('of a locked journal copies sealed rows, never a word in the clear, and opens with the passphrase', async () => {
    await createLock(PASS, 1000, 100_000);
    await lockNow();
    const kept = [richReflection(5), richReflection(6)];
    for (const r of kept) await saveReflection(r);
    const keyring = await readKeyring();
    const { blob, count } = await buildBackupBlob({
      createdAt: NOW,
      settings,
      checkins: [],
      keyring,
    });
    expect(count).toBe(2);
    const text = await textOf(blob);
    for (const r of kept) {
      // Long enough not to turn up in base64 by chance (a two-letter tag would).
      for (const words of [
        ...Object.values(r.answers),
        r.context?.title ?? '',
        r.context?.url ?? '',
      ]) {
        expect(text).not.toContain(words);
      }
    }
    const parsed = JSON.parse(text);
    expect(isEncryptedBackup(parsed)).toBe(true);
    expect(parsed.version).toBe(3);
    expect(JSON.stringify(parsed.settings)).not.toContain('dark');

    const plain = await openAnyBackup(parsed, { passphrase: PASS });
    const checked = await checkImport(plain, NOW);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.file.reflections).toEqual(kept);
    expect(checked.file.settings.theme).toBe('dark');

    await expect(openAnyBackup(parsed, { passphrase: 'not it' })).rejects.toBeInstanceOf(LockError);
    // Words moved from one row onto another do not open.
    const swapped = structuredClone(parsed);
    swapped.reflections[0].sealed = parsed.reflections[1].sealed;
    await expect(openAnyBackup(swapped, { passphrase: PASS })).rejects.toMatchObject({
      code: 'unreadable',
    });
  });

  it('of an empty journal is a valid export with no reflections', async () => {
    const { blob, count } = await buildBackupBlob({
      createdAt: NOW,
      settings,
      checkins: [],
      keyring: null,
    });
    expect(count).toBe(0);
    const checked = await checkImport(await textOf(blob), NOW);
    expect(checked.ok && checked.file.reflections).toEqual([]);
  });
});
