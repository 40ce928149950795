import { describe, expect, it } from 'vitest';
import { t } from '../../../utils/i18n/i18n';
import type { OwnTemplate } from '../../../utils/reflections/own-templates';
import {
  readTemplateFile,
  templateFile,
  templateFileName,
} from '../../../utils/reflections/template-file';

const template: OwnTemplate = {
  id: 'own-pm',
  name: 'Team postmortem',
  questions: [
    { id: 'qa', role: 'happened', text: 'What broke?', hint: 'Facts, not blame' },
    { id: 'qb', role: 'extra', text: 'Who noticed first?', hint: '' },
    { id: 'qc', role: 'nextTime', text: 'What will we change?', hint: '' },
  ],
};

let seed = 0;
const random = () => ((seed++ % 36) + 0.5) / 36;

const file = (body: Record<string, unknown>) =>
  JSON.stringify({ format: 'fail-well-template', version: 1, ...body });

describe('template files', () => {
  it('round-trips a template, with fresh ids', () => {
    const read = readTemplateFile(templateFile(template), random);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.template.name).toBe('Team postmortem');
    expect(read.template.questions.map(({ role, text, hint }) => ({ role, text, hint }))).toEqual(
      template.questions.map(({ role, text, hint }) => ({ role, text, hint })),
    );
    expect(read.template.id).not.toBe(template.id);
    expect(read.template.id).toMatch(/^own-[a-z0-9]+$/);
  });

  it('names the file after the template, in plain letters', () => {
    expect(templateFileName({ ...template, name: 'Größe / Team: Retro!' })).toBe(
      'fail-well-template-groe-team-retro.json',
    );
  });

  it.each([
    ['not JSON', '{"format": ', () => t('templateFileNotJson')],
    ['a list', '[]', () => t('templateFileNotOurs')],
    [
      'another format',
      JSON.stringify({ format: 'fail-well-export', version: 1 }),
      () => t('templateFileNotOurs'),
    ],
    [
      'a newer version',
      file({ version: 2, name: 'x', questions: [] }),
      () => t('templateFileVersion', '2'),
    ],
    [
      'no questions list',
      file({ name: 'x', questions: 'q' }),
      () => t('templateFileField', 'questions'),
    ],
    [
      'an unknown role',
      file({ name: 'x', questions: [{ role: 'boss', text: 'Why?' }] }),
      () => t('templateFileRole', 'questions[0].role', 'happened, learned, nextTime, extra'),
    ],
    [
      'a junk field on a question',
      file({ name: 'x', questions: [{ role: 'extra', text: 'Why?', script: 'alert(1)' }] }),
      () => t('templateFileUnknown', 'questions[0].script'),
    ],
    [
      'a junk field on the file',
      file({ name: 'x', questions: [], extra: 1 }),
      () => t('templateFileUnknown', 'extra'),
    ],
    [
      '__proto__',
      '{"format":"fail-well-template","version":1,"name":"x","questions":[{"role":"extra","text":"Why?","__proto__":{"polluted":true}}]}',
      () => t('templateFileForbidden', 'questions[0].__proto__'),
    ],
    [
      'thirteen questions',
      file({
        name: 'x',
        questions: Array.from({ length: 13 }, () => ({ role: 'extra', text: 'Why?' })),
      }),
      () => t('templateErrorTooManyQuestions', '12', '1'),
    ],
    [
      'a question over 200 characters',
      file({ name: 'x', questions: [{ role: 'extra', text: 'z'.repeat(201) }] }),
      () => t('templateFileInvalid', t('templateErrorQuestionLong', '1', '1', '200')),
    ],
    ['too large', 'x'.repeat(70_000), () => t('templateFileTooLarge')],
  ] as Array<[string, string, () => string]>)(
    'refuses %s with a plain message',
    (_, text, message) => {
      // Messages are looked up inside the test: the fake i18n is set up per test.
      expect(readTemplateFile(text, random)).toEqual({ ok: false, message: message() });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
