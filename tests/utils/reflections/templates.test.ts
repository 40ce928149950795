import { describe, expect, it } from 'vitest';
import { t } from '../../../utils/i18n/i18n';
import { questionLabel } from '../../../utils/reflections/question-label';
import {
  CANONICAL_KEYS,
  canonicalAnswers,
  ONE_QUESTION_POOL,
  oneQuestion,
  questionsFor,
  TEMPLATE_IDS,
  TEMPLATES,
} from '../../../utils/reflections/templates';

describe('templates', () => {
  it.each([
    ['quick', ['What happened?', 'What did I learn?', 'What will I do next time?']],
    [
      'aar',
      [
        'What was supposed to happen?',
        'What actually happened?',
        'Why were they different?',
        'What will I do next time?',
      ],
    ],
    [
      'gibbs',
      [
        'What happened?',
        'How did I feel?',
        'What went well or badly?',
        'Why?',
        'What could I have done differently?',
        'What will I do next time?',
      ],
    ],
    [
      'postmortem',
      [
        'What happened?',
        'Impact?',
        'What went well?',
        'What went wrong?',
        'Where did I get lucky?',
        'What will I do next time?',
      ],
    ],
    ['ssc', ['Start?', 'Stop?', 'Continue?']],
  ] as const)('%s asks its questions in order', (id, labels) => {
    expect(TEMPLATES[id].questions.map((q) => t(q.label))).toEqual(labels);
  });

  it.each(TEMPLATE_IDS.filter((id) => id !== 'one'))(
    '%s maps learned and nextTime onto canonical keys',
    (id) => {
      const keys = TEMPLATES[id].questions.map((q) => q.key);
      expect(keys).toContain('learned');
      expect(keys).toContain('nextTime');
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it('every "one question" prompt maps to a canonical key', () => {
    for (const q of ONE_QUESTION_POOL) expect(CANONICAL_KEYS).toContain(q.key);
  });

  it('rotates the one question by day, including before 1970', () => {
    expect(oneQuestion(0)).toBe(ONE_QUESTION_POOL[0]);
    expect(oneQuestion(1)).toBe(ONE_QUESTION_POOL[1]);
    expect(oneQuestion(ONE_QUESTION_POOL.length)).toBe(ONE_QUESTION_POOL[0]);
    expect(oneQuestion(-1)).toBe(ONE_QUESTION_POOL[ONE_QUESTION_POOL.length - 1]);
  });

  it('resolves the asked prompt for the one-question template', () => {
    const asked = ONE_QUESTION_POOL[2];
    expect(questionsFor('one', asked?.label)).toEqual([asked]);
  });

  it('labels answers kept from another template', () => {
    expect(questionLabel('quick', 'expected')).toBe('What was supposed to happen?');
    expect(questionLabel('postmortem', 'learned')).toBe('What went wrong?');
    expect(questionLabel('quick', 'mystery')).toBe('mystery');
  });

  it('reads canonical answers whatever the template', () => {
    expect(canonicalAnswers({ learned: 'L', continue: 'C' })).toEqual({
      happened: '',
      learned: 'L',
      nextTime: '',
    });
  });
});
