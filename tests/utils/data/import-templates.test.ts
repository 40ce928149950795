import { describe, expect, it } from 'vitest';
import { EXPORT_VERSION, exportToString, jsonWriter } from '../../../utils/data/export';
import { checkImport } from '../../../utils/data/import';
import { EMPTY_TEMPLATE_PREFS, type TemplatePrefs } from '../../../utils/reflections/own-templates';
import type { Reflection } from '../../../utils/reflections/reflection';
import { richReflection, SETTINGS } from '../../helpers/reflections';

const NOW = 1_800_000_000_000;
const instant = () => Promise.resolve();

const prefs: TemplatePrefs = {
  own: [
    {
      id: 'own-retro',
      name: 'Team retro',
      questions: [{ id: 'qa', role: 'happened', text: 'What broke?', hint: '' }],
    },
  ],
  hidden: ['gibbs'],
  byTrigger: { 'context-menu': 'own-retro' },
};

const ownReflection: Reflection = {
  ...richReflection(1),
  template: 'own-retro',
  answers: { happened: 'Checkout 500s', qx: 'Support' },
  wording: {
    name: 'Team retro',
    questions: [
      { key: 'happened', label: 'What broke?' },
      { key: 'qx', label: 'Who noticed?', placeholder: 'A name or a team' },
    ],
  },
};

describe('a journal export carries own templates', () => {
  it('round-trips templates and reflections written with them, wording and all', async () => {
    const text = exportToString(
      jsonWriter({ exportedAt: NOW, settings: SETTINGS, templates: prefs }),
      [ownReflection],
    );
    const checked = await checkImport(text, NOW, { pause: instant });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.file.templates).toEqual(prefs);
    expect(checked.file.reflections).toEqual([ownReflection]);
  });

  it('reads an older file without templates as none', async () => {
    const text = JSON.stringify({
      format: 'fail-well',
      version: EXPORT_VERSION,
      exportedAt: NOW,
      settings: SETTINGS,
      reflections: [],
    });
    const checked = await checkImport(text, NOW, { pause: instant });
    expect(checked.ok && checked.file.templates).toEqual(EMPTY_TEMPLATE_PREFS);
  });

  it('refuses __proto__ inside the templates with a plain message', async () => {
    const text = `{"format":"fail-well","version":${EXPORT_VERSION},"settings":{},"reflections":[],"templates":{"own":[{"__proto__":{"x":1}}]}}`;
    const checked = await checkImport(text, NOW, { pause: instant });
    expect(checked).toEqual({
      ok: false,
      message: expect.stringContaining('templates.own[0].__proto__'),
    });
  });

  it('refuses a reflection whose wording is junk, naming the field', async () => {
    const bad = { ...ownReflection, wording: { name: 'x', questions: 'not a list' } };
    const text = exportToString(jsonWriter({ exportedAt: NOW, settings: SETTINGS }), [
      bad as unknown as Reflection,
    ]);
    const checked = await checkImport(text, NOW, { pause: instant });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toContain('wording');
  });
});
