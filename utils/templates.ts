/**
 * Reflection templates. Every template maps onto the three canonical answer keys
 * (`happened`, `learned`, `nextTime`) so search, sharing and follow-through work across
 * templates; extra questions keep keys of their own.
 */

export const TEMPLATE_IDS = ['quick', 'aar', 'gibbs', 'postmortem', 'ssc', 'one'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const CANONICAL_KEYS = ['happened', 'learned', 'nextTime'] as const;
export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

export interface Question {
  /** Key of the answer in `Reflection.answers`; a canonical key where the question is one. */
  key: string;
  label: string;
  placeholder?: string;
}

export interface Template {
  id: TemplateId;
  name: string;
  /** One line shown under the picker, so the choice is easy. */
  hint: string;
  questions: readonly Question[];
}

export const TEMPLATES: Readonly<Record<TemplateId, Template>> = {
  quick: {
    id: 'quick',
    name: 'Quick',
    hint: 'What? So what? Now what?',
    questions: [
      { key: 'happened', label: 'What happened?', placeholder: 'Just the facts, kindly.' },
      { key: 'learned', label: 'What did I learn?' },
      { key: 'nextTime', label: 'What will I do next time?' },
    ],
  },
  aar: {
    id: 'aar',
    name: 'After-Action Review',
    hint: 'Compare the plan with what happened.',
    questions: [
      { key: 'expected', label: 'What was supposed to happen?' },
      { key: 'happened', label: 'What actually happened?' },
      { key: 'learned', label: 'Why were they different?' },
      { key: 'nextTime', label: 'What will I do next time?' },
    ],
  },
  gibbs: {
    id: 'gibbs',
    name: 'Gibbs cycle',
    hint: 'A fuller look, feelings included.',
    questions: [
      { key: 'happened', label: 'What happened?' },
      { key: 'feelings', label: 'How did I feel?' },
      { key: 'evaluation', label: 'What went well or badly?' },
      { key: 'analysis', label: 'Why?' },
      { key: 'learned', label: 'What could I have done differently?' },
      { key: 'nextTime', label: 'What will I do next time?' },
    ],
  },
  postmortem: {
    id: 'postmortem',
    name: 'Personal postmortem',
    hint: 'Blameless: systems and habits, not character.',
    questions: [
      { key: 'happened', label: 'What happened?' },
      { key: 'impact', label: 'Impact?' },
      { key: 'wentWell', label: 'What went well?' },
      // The lesson of a postmortem lives in what went wrong, so it is the canonical `learned`.
      { key: 'learned', label: 'What went wrong?' },
      { key: 'lucky', label: 'Where did I get lucky?' },
      { key: 'nextTime', label: 'What will I do next time?' },
    ],
  },
  ssc: {
    id: 'ssc',
    name: 'Start / Stop / Continue',
    hint: 'Three short lists.',
    questions: [
      // "Start" is the commitment for next time; "Stop" is what the setback taught.
      { key: 'nextTime', label: 'Start?' },
      { key: 'learned', label: 'Stop?' },
      { key: 'continue', label: 'Continue?' },
    ],
  },
  one: {
    id: 'one',
    name: 'One question',
    hint: 'Just one; add the rest later if you like.',
    // The question itself rotates (see `oneQuestion`); this entry keeps the shape uniform.
    questions: [{ key: 'learned', label: 'What did I learn?' }],
  },
};

/** The pool the "One question" template rotates through, each mapped to a canonical key. */
export const ONE_QUESTION_POOL: readonly Question[] = [
  { key: 'learned', label: 'What is one thing today taught me?' },
  { key: 'happened', label: 'What did not go to plan today?' },
  { key: 'nextTime', label: 'What will I try differently next time?' },
  { key: 'learned', label: 'What would I tell a colleague who made the same slip?' },
  { key: 'nextTime', label: 'What small change would have helped?' },
];

/** The rotating question for a given day, so it stays the same while a draft is open. */
export function oneQuestion(dayNumber: number): Question {
  const index =
    ((Math.floor(dayNumber) % ONE_QUESTION_POOL.length) + ONE_QUESTION_POOL.length) %
    ONE_QUESTION_POOL.length;
  return ONE_QUESTION_POOL[index] as Question;
}

/** Whether a value is a known template id. */
export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** The questions a template asks, with the "One question" prompt resolved. */
export function questionsFor(template: TemplateId, prompt?: string): readonly Question[] {
  if (template !== 'one') return TEMPLATES[template].questions;
  const asked = ONE_QUESTION_POOL.find((q) => q.label === prompt) ?? ONE_QUESTION_POOL[0];
  return [asked as Question];
}

/**
 * The label of an answer key: the template's own question first, then any template's (an
 * answer typed before switching templates is kept), then the key itself.
 */
export function questionLabel(template: TemplateId, key: string, prompt?: string): string {
  const everywhere = [
    ...questionsFor(template, prompt),
    ...TEMPLATE_IDS.flatMap((id) => TEMPLATES[id].questions),
  ];
  return everywhere.find((q) => q.key === key)?.label ?? key;
}

/** The canonical answers of a reflection, whatever its template. */
export function canonicalAnswers(
  answers: Readonly<Record<string, string>>,
): Record<CanonicalKey, string> {
  return {
    happened: answers.happened ?? '',
    learned: answers.learned ?? '',
    nextTime: answers.nextTime ?? '',
  };
}
