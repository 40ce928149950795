import { describe, expect, it } from 'vitest';
import { t } from '../utils/i18n/i18n';
import { getMessageFrom, readCatalogue } from './i18n-fake';

const en = readCatalogue('en');
const de = readCatalogue('de');

const placeholdersOf = (text: string) =>
  [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]?.toLowerCase()).sort();

describe('locales', () => {
  it('German has exactly the English keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))(
    '%s: same placeholders in both, each defined, no empty message',
    (key) => {
      for (const catalogue of [en, de]) {
        const entry = catalogue[key];
        expect(entry?.message.trim()).not.toBe('');
        const used = placeholdersOf(entry?.message ?? '');
        expect(used).toEqual(placeholdersOf(en[key]?.message ?? ''));
        expect(used).toEqual(
          Object.keys(entry?.placeholders ?? {})
            .map((k) => k.toLowerCase())
            .sort(),
        );
      }
    },
  );

  it('keys are valid Chrome message names', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('fills placeholders the way the browser does', () => {
    expect(t('errorTooManyTags', 20, 2)).toBe('Up to 20 tags, please — remove 2.');
    expect(getMessageFrom(de)('errorTooManyTags', ['20', '2'])).toBe(
      'Bitte höchstens 20 Schlagwörter – entferne 2.',
    );
  });
});
