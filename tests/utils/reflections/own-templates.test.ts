import { describe, expect, it } from 'vitest';
import { t } from '../../../utils/i18n/i18n';
import {
  duplicateBuiltIn,
  mergeTemplatePrefs,
  moveQuestion,
  roomForQuestion,
  roomForTemplate,
  validateTemplate,
  withoutTemplate,
  withTemplate,
} from '../../../utils/reflections/own-template-edits';
import {
  answerKey,
  EMPTY_TEMPLATE_PREFS,
  type OwnTemplate,
  ownAsTemplate,
  parseTemplates,
  TEMPLATE_LIMITS,
  type TemplatePrefs,
  templateForTrigger,
} from '../../../utils/reflections/own-templates';
import { TRIGGERS } from '../../../utils/reflections/reflection';

const question = (n: number, role: OwnTemplate['questions'][number]['role'] = 'extra') => ({
  id: `q${n}`,
  role,
  text: `Question ${n}?`,
  hint: '',
});

const retro: OwnTemplate = {
  id: 'own-retro',
  name: 'Team retro',
  questions: [
    question(1, 'happened'),
    question(2, 'learned'),
    question(3, 'nextTime'),
    question(4),
  ],
};

/** A counter instead of Math.random: ids are predictable and distinct. */
function counter() {
  let n = 0;
  return () => ((n++ % 36) + 0.5) / 36;
}

describe('parseTemplates', () => {
  it.each([null, undefined, 'junk', 42, [], { own: 'nope' }])(
    'reads %j as no templates at all',
    (raw) => {
      expect(parseTemplates(raw)).toEqual(EMPTY_TEMPLATE_PREFS);
    },
  );

  it('keeps a valid template as it is', () => {
    const prefs = { own: [retro], hidden: ['gibbs'], byTrigger: { 'context-menu': 'own-retro' } };
    expect(parseTemplates(prefs)).toEqual(prefs);
  });

  it('drops broken templates and questions, never the rest', () => {
    const parsed = parseTemplates({
      own: [
        retro,
        { id: 'not-own', name: 'x', questions: [question(1)] },
        { id: 'own-empty', name: 'No questions', questions: [{ id: 'q1', text: '   ' }] },
        { id: 'own-noname', name: ' ', questions: [question(1)] },
        { ...retro, name: 'Same id twice' },
        {
          id: 'own-mixed',
          name: 'Mixed',
          questions: [question(1), 'junk', { id: 'bad id', text: 'x' }, question(1)],
        },
      ],
    });
    expect(parsed.own.map((o) => o.id)).toEqual(['own-retro', 'own-mixed']);
    expect(parsed.own[1]?.questions).toEqual([question(1)]);
  });

  it('turns a second question claiming a role into an extra, so no answer is overwritten', () => {
    const parsed = parseTemplates({
      own: [{ ...retro, questions: [question(1, 'learned'), question(2, 'learned')] }],
    });
    expect(parsed.own[0]?.questions.map((q) => q.role)).toEqual(['learned', 'extra']);
  });

  it('holds the limits on stored data: 30 templates, 12 questions, 200 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: `own-t${i}`,
      name: `T${i}`,
      questions: Array.from({ length: 20 }, (_, j) => ({
        ...question(j),
        text: 'x'.repeat(500),
      })),
    }));
    const parsed = parseTemplates({ own: many });
    expect(parsed.own).toHaveLength(TEMPLATE_LIMITS.templates);
    expect(parsed.own[0]?.questions).toHaveLength(TEMPLATE_LIMITS.questions);
    expect(parsed.own[0]?.questions[0]?.text).toHaveLength(TEMPLATE_LIMITS.questionChars);
  });

  it('gives __proto__ and unknown triggers or templates no way in', () => {
    const raw = JSON.parse(
      '{"own":[],"__proto__":{"polluted":1},"hidden":["quick","nope","quick"],' +
        '"byTrigger":{"__proto__":"quick","site":"own-gone","idle":"aar","bogus":"quick"}}',
    );
    const parsed = parseTemplates(raw);
    expect(parsed).toEqual({ own: [], hidden: ['quick'], byTrigger: { idle: 'aar' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.byTrigger)).toBe(Object.prototype);
  });
});

describe('the default template per trigger', () => {
  const prefs: TemplatePrefs = {
    own: [retro],
    hidden: [],
    byTrigger: { 'context-menu': 'own-retro', 'follow-up': 'one', site: 'aar' },
  };
  it.each(
    TRIGGERS.map((trigger) => [
      trigger,
      { 'context-menu': 'own-retro', 'follow-up': 'one', site: 'aar' }[trigger as string] ??
        'gibbs',
    ]),
  )('%s opens with %s (the popup default is gibbs)', (trigger, expected) => {
    expect(templateForTrigger(prefs, trigger, 'gibbs')).toBe(expected);
  });

  it('falls back to the popup default once the chosen template is deleted', () => {
    const gone = parseTemplates(withoutTemplate(prefs, 'own-retro'));
    expect(templateForTrigger(gone, 'context-menu', 'quick')).toBe('quick');
    expect(gone.byTrigger).toEqual({ 'follow-up': 'one', site: 'aar' });
  });
});

describe('validateTemplate', () => {
  it('accepts a good template', () => {
    expect(validateTemplate(retro)).toBeNull();
  });

  it('asks for a name and at least one question', () => {
    const errors = validateTemplate({ ...retro, name: '  ', questions: [] });
    expect(errors?.name).toBe(t('templateErrorNoName'));
    expect(errors?.form).toBe(t('templateErrorNoQuestions'));
  });

  it('stops at 12 questions and says how many to remove', () => {
    const questions = Array.from({ length: 14 }, (_, i) => question(i));
    expect(validateTemplate({ ...retro, questions })?.form).toBe(
      t('templateErrorTooManyQuestions', '12', '2'),
    );
    expect(validateTemplate({ ...retro, questions: questions.slice(0, 12) })).toBeNull();
  });

  it('stops at 200 characters a question and names the question', () => {
    const long = { ...question(2), text: 'y'.repeat(205) };
    const errors = validateTemplate({ ...retro, questions: [question(1), long] });
    expect(errors?.questions.q2).toBe(t('templateErrorQuestionLong', '2', '5', '200'));
    const exact = { ...question(2), text: 'y'.repeat(200) };
    expect(validateTemplate({ ...retro, questions: [question(1), exact] })).toBeNull();
  });

  it('names an empty question and a role used twice', () => {
    const errors = validateTemplate({
      ...retro,
      questions: [question(1, 'learned'), { ...question(2), text: ' ' }, question(3, 'learned')],
    });
    expect(errors?.questions).toEqual({
      q2: t('templateErrorQuestionEmpty', '2'),
      q3: t('templateErrorRoleTwice', '3', t('templateRoleLearned')),
    });
  });

  it('says when 30 templates or 12 questions leave no room for another', () => {
    const own = Array.from({ length: 30 }, (_, i) => ({ ...retro, id: `own-${i}` as const }));
    expect(roomForTemplate({ ...EMPTY_TEMPLATE_PREFS, own })).toBe(t('templateErrorTooMany', '30'));
    expect(roomForTemplate({ ...EMPTY_TEMPLATE_PREFS, own: own.slice(1) })).toBeNull();
    const questions = Array.from({ length: 12 }, (_, i) => question(i));
    expect(roomForQuestion({ ...retro, questions })).toBe(t('templateErrorQuestionsFull', '12'));
    expect(roomForQuestion(retro)).toBeNull();
  });
});

describe('editing', () => {
  it('moves questions up and down, and not past either end', () => {
    const ids = (tpl: OwnTemplate) => tpl.questions.map((q) => q.id);
    expect(ids(moveQuestion(retro, 1, -1))).toEqual(['q2', 'q1', 'q3', 'q4']);
    expect(ids(moveQuestion(retro, 1, 1))).toEqual(['q1', 'q3', 'q2', 'q4']);
    expect(moveQuestion(retro, 0, -1)).toBe(retro);
    expect(moveQuestion(retro, 3, 1)).toBe(retro);
  });

  it('duplicates a built-in with its wording and roles, as a new template', () => {
    const copy = duplicateBuiltIn('aar', counter());
    expect(copy.id).toMatch(/^own-/);
    expect(copy.name).toBe(t('templateCopyName', t('templateAarName')));
    expect(copy.questions.map((q) => [q.role, q.text])).toEqual([
      ['extra', t('qExpected')],
      ['happened', t('qActuallyHappened')],
      ['learned', t('qWhyDifferent')],
      ['nextTime', t('qNextTime')],
    ]);
    expect(validateTemplate(copy)).toBeNull();
  });

  it('maps roles to the canonical answer keys, extras to their own', () => {
    expect(ownAsTemplate(retro).questions.map((q) => q.key)).toEqual([
      'happened',
      'learned',
      'nextTime',
      'q4',
    ]);
    expect(answerKey(question(9))).toBe('q9');
  });

  it('replaces a template in place and merges an imported journal without losing any', () => {
    const renamed = { ...retro, name: 'Retro v2' };
    const here = withTemplate(EMPTY_TEMPLATE_PREFS, retro);
    expect(withTemplate(here, renamed).own).toEqual([renamed]);
    const other = { ...retro, id: 'own-other' as const, name: 'Other' };
    const file: TemplatePrefs = {
      own: [renamed, other],
      hidden: ['ssc'],
      byTrigger: { idle: 'aar' },
    };
    expect(mergeTemplatePrefs({ ...here, hidden: ['one'] }, file, false)).toEqual({
      own: [renamed, other],
      hidden: ['one'],
      byTrigger: {},
    });
    expect(mergeTemplatePrefs(here, file, true)).toMatchObject({
      hidden: ['ssc'],
      byTrigger: { idle: 'aar' },
    });
  });
});
