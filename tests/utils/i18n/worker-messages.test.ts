/**
 * The background worker bundles only its own strings as a fallback (utils/i18n/worker-messages.ts).
 * These tests keep that list honest: every message key written in a module the worker can
 * reach (following imports from entrypoints/background.ts) must be covered, so a new worker
 * string can never fall back to nothing; and nothing listed may be stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import catalogues from 'virtual:worker-messages';
import { describe, expect, it } from 'vitest';
import { isWorkerMessage, WORKER_MESSAGE_KEYS } from '../../../utils/i18n/worker-messages';
import { readCatalogue } from '../../i18n-fake';

const en = readCatalogue('en');

/** Every source file reachable from `entry` through relative imports (static, dynamic, type). */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = resolve(dirname(file), spec as string);
      const found = [`${base}.ts`, `${base}.tsx`, base].find(
        (candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate),
      );
      if (found) visit(found);
    }
  };
  visit(resolve(entry));
  return [...seen];
}

/** Message keys written as string literals in `file` (t('…'), key tables, defaults). */
function keysIn(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const literals = [...source.matchAll(/['"`]([A-Za-z][A-Za-z0-9_]*)['"`]/g)].map((m) => m[1]);
  return [...new Set(literals)].filter((word): word is string => !!word && Object.hasOwn(en, word));
}

describe("the worker's fallback strings", () => {
  const files = reachable('entrypoints/background.ts');

  it('follows the imports from the background entrypoint into the nudge code', () => {
    const names = files.map((file) => relative(process.cwd(), file));
    expect(names).toEqual(
      expect.arrayContaining([
        'utils/nudges/worker/nudge-engine.ts',
        'utils/nudges/nudge-wording.ts',
        'utils/nudges/worker/nudge-delivery.ts',
      ]),
    );
  });

  it('cover every message key used by a module the background can reach', () => {
    const missing = files.flatMap((file) =>
      keysIn(file)
        .filter((key) => !isWorkerMessage(key))
        .map((key) => `${key} (${relative(process.cwd(), file)})`),
    );
    expect(missing).toEqual([]);
  });

  it('list only keys that exist in the English catalogue', () => {
    expect(WORKER_MESSAGE_KEYS.filter((key) => !Object.hasOwn(en, key))).toEqual([]);
  });

  it.each([
    ['nudgeReflectNow', true],
    ['nudgeFollowUpTitle', true], // a follow-up notification, added later: covered by prefix
    ['nudgeBackupMessage', true], // the backup reminder, likewise
    ['menuReflectPage', true],
    ['nudgesRefusedSite', true], // listed: the engine says why an opt-in stays off
    ['nudgesStartupSwitch', false], // the Nudges settings section is a page's, not the worker's
    ['popupSave', false],
  ])('%s is bundled: %s', (key, bundled) => {
    expect(isWorkerMessage(key)).toBe(bundled);
  });

  it('are built for every language, each with every worker key of the English catalogue', () => {
    const workerKeys = Object.keys(en).filter(isWorkerMessage).sort();
    expect(Object.keys(catalogues).sort()).toEqual(['de', 'en']);
    for (const catalogue of Object.values(catalogues)) {
      expect(Object.keys(catalogue).sort()).toEqual(workerKeys);
    }
    // Cut down: a fraction of the page strings, and no translators' notes.
    expect(workerKeys.length).toBeLessThan(Object.keys(en).length / 3);
    expect(JSON.stringify(catalogues)).not.toContain('"description"');
  });
});
