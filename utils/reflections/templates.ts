/**
 * Reflection templates. Every template maps onto the three canonical answer keys
 * (`happened`, `learned`, `nextTime`) so search, sharing and follow-through work across
 * templates; extra questions keep keys of their own. Wording lives in `_locales`.
 */
import type { MessageKey } from '../i18n/i18n';

export const TEMPLATE_IDS = ['quick', 'aar', 'gibbs', 'postmortem', 'ssc', 'one'] as const;
/** A template that ships with the extension. */
export type BuiltInTemplateId = (typeof TEMPLATE_IDS)[number];
/** A template a person made (utils/reflections/own-templates.ts). */
export type OwnTemplateId = `own-${string}`;
export type TemplateId = BuiltInTemplateId | OwnTemplateId;

export const CANONICAL_KEYS = ['happened', 'learned', 'nextTime'] as const;
export type CanonicalKey = (typeof CANONICAL_KEYS)[number];

export interface Question {
  /** Key of the answer in `Reflection.answers`; a canonical key where the question is one. */
  key: string;
  /** The question's wording. */
  label: MessageKey;
  placeholder?: MessageKey;
}

/**
 * A template as the pages show it. An own template's words stand where a built-in has message
 * keys (see `ownAsTemplate`): `t` gives a key it does not know back unchanged, so they show as
 * written, and the popup needs no second code path (its start-up budget has no room for one).
 */
export interface Template {
  id: TemplateId;
  name: MessageKey;
  /** One line shown under the picker, so the choice is easy. */
  hint: MessageKey;
  questions: readonly Question[];
}

export const TEMPLATES: Readonly<Record<BuiltInTemplateId, Template>> = {
  quick: {
    id: 'quick',
    name: 'templateQuickName',
    hint: 'templateQuickHint',
    questions: [
      { key: 'happened', label: 'qHappened', placeholder: 'qHappenedPlaceholder' },
      { key: 'learned', label: 'qLearned' },
      { key: 'nextTime', label: 'qNextTime' },
    ],
  },
  aar: {
    id: 'aar',
    name: 'templateAarName',
    hint: 'templateAarHint',
    questions: [
      { key: 'expected', label: 'qExpected' },
      { key: 'happened', label: 'qActuallyHappened' },
      { key: 'learned', label: 'qWhyDifferent' },
      { key: 'nextTime', label: 'qNextTime' },
    ],
  },
  gibbs: {
    id: 'gibbs',
    name: 'templateGibbsName',
    hint: 'templateGibbsHint',
    questions: [
      { key: 'happened', label: 'qHappened' },
      { key: 'feelings', label: 'qFeelings' },
      { key: 'evaluation', label: 'qEvaluation' },
      { key: 'analysis', label: 'qAnalysis' },
      { key: 'learned', label: 'qDoneDifferently' },
      { key: 'nextTime', label: 'qNextTime' },
    ],
  },
  postmortem: {
    id: 'postmortem',
    name: 'templatePostmortemName',
    hint: 'templatePostmortemHint',
    questions: [
      { key: 'happened', label: 'qHappened' },
      { key: 'impact', label: 'qImpact' },
      { key: 'wentWell', label: 'qWentWell' },
      // The lesson of a postmortem lives in what went wrong, so it is the canonical `learned`.
      { key: 'learned', label: 'qWentWrong' },
      { key: 'lucky', label: 'qLucky' },
      { key: 'nextTime', label: 'qNextTime' },
    ],
  },
  ssc: {
    id: 'ssc',
    name: 'templateSscName',
    hint: 'templateSscHint',
    questions: [
      // "Start" is the commitment for next time; "Stop" is what the setback taught.
      { key: 'nextTime', label: 'qStart' },
      { key: 'learned', label: 'qStop' },
      { key: 'continue', label: 'qContinue' },
    ],
  },
  one: {
    id: 'one',
    name: 'templateOneName',
    hint: 'templateOneHint',
    // The question itself rotates (see `oneQuestion`); this entry keeps the shape uniform.
    questions: [{ key: 'learned', label: 'qLearned' }],
  },
};

/** The pool the "One question" template rotates through, each mapped to a canonical key. */
export const ONE_QUESTION_POOL: readonly Question[] = [
  { key: 'learned', label: 'qOne1' },
  { key: 'happened', label: 'qOne2' },
  { key: 'nextTime', label: 'qOne3' },
  { key: 'learned', label: 'qOne4' },
  { key: 'nextTime', label: 'qOne5' },
];

/** The rotating question for a given day, so it stays the same while a draft is open. */
export function oneQuestion(dayNumber: number): Question {
  const size = ONE_QUESTION_POOL.length;
  return ONE_QUESTION_POOL[((Math.floor(dayNumber) % size) + size) % size] as Question;
}

/** Whether a value is a template id: a built-in one, or the shape of an own one. */
export function isTemplateId(value: unknown): value is TemplateId {
  return (
    typeof value === 'string' &&
    ((TEMPLATE_IDS as readonly string[]).includes(value) || /^own-\w+$/.test(value))
  );
}

/**
 * The own templates this page has read, by id, and the ids pickers offer (the built-ins not
 * hidden, then the own ones). Filled in place by own-templates-read-store.ts (`knowTemplates`):
 * that code then stays out of the popup's start-up chunk, whose budget is full.
 */
export const ownTemplates: Record<string, Template> = {};
export const offeredIds: TemplateId[] = [...TEMPLATE_IDS];

/** The templates a picker offers, with `current` kept in even when hidden or gone since. */
export function offeredTemplates(current: TemplateId): readonly TemplateId[] {
  return offeredIds.includes(current) ? offeredIds : [current, ...offeredIds];
}

/**
 * The template of an id: built-in, own, or — for an own template deleted since a draft or a
 * setting named it — the quick one (answers typed for it wait in the draft).
 */
export function templateOf(id: TemplateId): Template {
  return TEMPLATES[id as BuiltInTemplateId] ?? ownTemplates[id] ?? TEMPLATES.quick;
}

/** The questions a template asks; `prompt` is the message key of the "One question" asked. */
export function questionsFor(template: TemplateId, prompt?: string): readonly Question[] {
  if (template !== 'one') return templateOf(template).questions;
  const asked = ONE_QUESTION_POOL.find((q) => q.label === prompt) ?? ONE_QUESTION_POOL[0];
  return [asked as Question];
}

/**
 * The words an own template asked a reflection with, kept in the reflection (a snapshot):
 * editing or deleting the template later never changes what an old reflection shows. The
 * popup stores the own template as it knows it (`ownTemplates[id]`, which also carries its id
 * and an empty hint): no copying code on its start-up path.
 */
export interface Wording {
  name: string;
  /** Each question's answer key, words and hint (`placeholder`). */
  questions: ReadonlyArray<{ key: string; label: string; placeholder?: string }>;
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
