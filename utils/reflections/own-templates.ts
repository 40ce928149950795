/**
 * Own templates: a person's (or a team's) own questions, their limits and the kind messages
 * when one is passed, the default template per trigger, and what a page shows for them.
 * Pure: storage is own-templates-store.ts; the file format is template-file.ts.
 *
 * Each question has a role: one of the canonical answer keys (`happened`, `learned`,
 * `nextTime`), so search, sharing, follow-through and the applied rate work with it, or an
 * extra with an answer key of its own.
 */
import { isRecord, ownRecord } from '../core/parse';
import { formatNumber, t } from '../i18n/i18n';
import { isTrigger, type Trigger } from './reflection';
import {
  type CanonicalKey,
  isTemplateId,
  type OwnTemplateId,
  TEMPLATE_IDS,
  TEMPLATES,
  type Template,
  type TemplateId,
} from './templates';

export const TEMPLATE_LIMITS = {
  templates: 30,
  questions: 12,
  questionChars: 200,
  hintChars: 120,
  nameChars: 60,
} as const;

export type QuestionRole = CanonicalKey | 'extra';
// Spelled out, not built from CANONICAL_KEYS: importing that would carry it into the popup's
// start-up chunk.
export const QUESTION_ROLES: readonly QuestionRole[] = ['happened', 'learned', 'nextTime', 'extra'];

export interface OwnQuestion {
  /** Stable across rewording and reordering; the answer key of an extra question. */
  id: string;
  role: QuestionRole;
  text: string;
  /** One line shown inside the empty answer box. */
  hint: string;
}

export interface OwnTemplate {
  id: OwnTemplateId;
  name: string;
  questions: OwnQuestion[];
}

/** Everything stored about templates: own ones, hidden built-ins, the default per trigger. */
export interface TemplatePrefs {
  own: OwnTemplate[];
  hidden: TemplateId[];
  byTrigger: Partial<Record<Trigger, TemplateId>>;
}

export const EMPTY_TEMPLATE_PREFS: TemplatePrefs = { own: [], hidden: [], byTrigger: {} };

const QUESTION_ID = /^q[a-z0-9]{1,24}$/;

/** The answer key a question's answers are stored under. */
export function answerKey(question: Pick<OwnQuestion, 'id' | 'role'>): string {
  return question.role === 'extra' ? question.id : question.role;
}

/** A fresh id for a question or (with `own-`) a template, from `random` (0 ≤ x < 1). */
export function newId(prefix: 'q' | 'own-', random: () => number): string {
  let id = '';
  for (let i = 0; i < 10; i++) id += Math.floor(random() * 36).toString(36);
  return prefix + id;
}

const oneLine = (value: unknown, max: number) =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, max) : '';

/** One stored question made safe, or null when nothing of it can be used. */
function parseQuestion(raw: unknown): OwnQuestion | null {
  const input = ownRecord(raw);
  const text = oneLine(input.text, TEMPLATE_LIMITS.questionChars);
  if (!text || typeof input.id !== 'string' || !QUESTION_ID.test(input.id)) return null;
  const role = QUESTION_ROLES.find((r) => r === input.role) ?? 'extra';
  return { id: input.id, role, text, hint: oneLine(input.hint, TEMPLATE_LIMITS.hintChars) };
}

/** One stored template made safe: one question per role at most, within the limits. */
function parseOwnTemplate(raw: unknown): OwnTemplate | null {
  const input = ownRecord(raw);
  const name = oneLine(input.name, TEMPLATE_LIMITS.nameChars);
  if (!isOwnTemplateId(input.id) || !name) return null;
  const questions: OwnQuestion[] = [];
  const seen = new Set<string>();
  for (const item of Array.isArray(input.questions) ? input.questions : []) {
    const question = parseQuestion(item);
    if (!question || seen.has(question.id)) continue;
    // A second question claiming a role would overwrite the first one's answer: an extra.
    const role = question.role !== 'extra' && seen.has(question.role) ? 'extra' : question.role;
    seen.add(question.id).add(role);
    questions.push({ ...question, role });
  }
  if (questions.length === 0) return null;
  return { id: input.id, name, questions: questions.slice(0, TEMPLATE_LIMITS.questions) };
}

/** Whether a value is an own template's id. */
export function isOwnTemplateId(value: unknown): value is OwnTemplateId {
  return isTemplateId(value) && value.startsWith('own-');
}

/**
 * The stored template preferences made safe (read by every page, and on a journal import):
 * broken entries are dropped, never the rest; a default naming a template that is gone is
 * dropped too (the trigger falls back to the popup's default).
 */
export function parseTemplates(raw: unknown): TemplatePrefs {
  if (!isRecord(raw)) return EMPTY_TEMPLATE_PREFS;
  const input = ownRecord(raw);
  const own: OwnTemplate[] = [];
  for (const item of Array.isArray(input.own) ? input.own : []) {
    const template = parseOwnTemplate(item);
    if (template && !own.some((o) => o.id === template.id)) own.push(template);
  }
  own.splice(TEMPLATE_LIMITS.templates);
  const known = (id: unknown): id is TemplateId =>
    (TEMPLATE_IDS as readonly unknown[]).includes(id) || own.some((o) => o.id === id);
  const hidden = (Array.isArray(input.hidden) ? input.hidden : []).filter(
    (id, i, all): id is TemplateId =>
      (TEMPLATE_IDS as readonly unknown[]).includes(id) && all.indexOf(id) === i,
  );
  const byTrigger: Partial<Record<Trigger, TemplateId>> = {};
  for (const [trigger, id] of Object.entries(ownRecord(input.byTrigger))) {
    if (isTrigger(trigger) && known(id)) byTrigger[trigger] = id;
  }
  return { own, hidden, byTrigger };
}

/**
 * The template a reflection prompted by `trigger` starts with: the one chosen for the
 * trigger, else the popup's default (`fallback`).
 */
export function templateForTrigger(
  prefs: TemplatePrefs,
  trigger: Trigger,
  fallback: TemplateId,
): TemplateId {
  return prefs.byTrigger[trigger] ?? fallback;
}

/**
 * An own template as the pages show it: its words stand where a built-in has message keys
 * (`t` gives unknown keys back as they are), and each question's hint is its placeholder.
 */
export function ownAsTemplate(template: OwnTemplate): Template {
  // The casts are the point: see `Template` in templates.ts.
  type Key = Template['name'];
  return {
    id: template.id,
    name: template.name as Key,
    hint: '' as Key,
    questions: template.questions.map((q) => ({
      key: answerKey(q),
      label: q.text as Key,
      ...(q.hint ? { placeholder: q.hint as Key } : {}),
    })),
  };
}

/** A copy of a built-in template to edit, in the UI language, with fresh ids. */
export function duplicateBuiltIn(
  id: (typeof TEMPLATE_IDS)[number],
  random: () => number,
): OwnTemplate {
  const source = TEMPLATES[id];
  return {
    id: newId('own-', random) as OwnTemplateId,
    name: t('templateCopyName', t(source.name)).slice(0, TEMPLATE_LIMITS.nameChars),
    questions: source.questions.map((q) => ({
      id: newId('q', random),
      role: QUESTION_ROLES.find((role) => role === q.key) ?? 'extra',
      text: t(q.label).slice(0, TEMPLATE_LIMITS.questionChars),
      hint: q.placeholder ? t(q.placeholder).slice(0, TEMPLATE_LIMITS.hintChars) : '',
    })),
  };
}

/** What is wrong with a template, field by field; null when it can be saved. */
export interface TemplateErrors {
  name?: string;
  /** The whole template (no questions, too many). */
  form?: string;
  /** Per question id. */
  questions: Record<string, string>;
}

const ROLE_NAMES: Record<CanonicalKey, Parameters<typeof t>[0]> = {
  happened: 'templateRoleHappened',
  learned: 'templateRoleLearned',
  nextTime: 'templateRoleNextTime',
};

/** Validate a template as edited; messages are plain and kind, and name the question. */
export function validateTemplate(template: OwnTemplate): TemplateErrors | null {
  const errors: TemplateErrors = { questions: {} };
  let bad = false;
  const name = template.name.trim();
  if (!name) {
    errors.name = t('templateErrorNoName');
    bad = true;
  } else if (name.length > TEMPLATE_LIMITS.nameChars) {
    errors.name = t('templateErrorNameLong', formatNumber(TEMPLATE_LIMITS.nameChars));
    bad = true;
  }
  const count = template.questions.length;
  if (count === 0) {
    errors.form = t('templateErrorNoQuestions');
    bad = true;
  } else if (count > TEMPLATE_LIMITS.questions) {
    errors.form = t(
      'templateErrorTooManyQuestions',
      formatNumber(TEMPLATE_LIMITS.questions),
      formatNumber(count - TEMPLATE_LIMITS.questions),
    );
    bad = true;
  }
  const roles = new Set<QuestionRole>();
  template.questions.forEach((q, i) => {
    const text = q.text.trim();
    let message: string | undefined;
    if (!text) message = t('templateErrorQuestionEmpty', formatNumber(i + 1));
    else if (text.length > TEMPLATE_LIMITS.questionChars)
      message = t(
        'templateErrorQuestionLong',
        formatNumber(i + 1),
        formatNumber(text.length - TEMPLATE_LIMITS.questionChars),
        formatNumber(TEMPLATE_LIMITS.questionChars),
      );
    else if (q.hint.length > TEMPLATE_LIMITS.hintChars)
      message = t(
        'templateErrorHintLong',
        formatNumber(i + 1),
        formatNumber(TEMPLATE_LIMITS.hintChars),
      );
    else if (q.role !== 'extra' && roles.has(q.role))
      message = t('templateErrorRoleTwice', formatNumber(i + 1), t(ROLE_NAMES[q.role]));
    if (q.role !== 'extra') roles.add(q.role);
    if (message) {
      errors.questions[q.id] = message;
      bad = true;
    }
  });
  return bad ? errors : null;
}

/** Whether one more own template fits; the message to show when it does not. */
export function roomForTemplate(prefs: TemplatePrefs): string | null {
  return prefs.own.length >= TEMPLATE_LIMITS.templates
    ? t('templateErrorTooMany', formatNumber(TEMPLATE_LIMITS.templates))
    : null;
}

/** Whether one more question fits; the message to show when it does not. */
export function roomForQuestion(template: OwnTemplate): string | null {
  return template.questions.length >= TEMPLATE_LIMITS.questions
    ? t('templateErrorQuestionsFull', formatNumber(TEMPLATE_LIMITS.questions))
    : null;
}

/** A template as saved: words trimmed to one line each (validated first). */
export function tidyTemplate(template: OwnTemplate): OwnTemplate {
  return {
    ...template,
    name: oneLine(template.name, TEMPLATE_LIMITS.nameChars),
    questions: template.questions.map((q) => ({
      ...q,
      text: oneLine(q.text, TEMPLATE_LIMITS.questionChars),
      hint: oneLine(q.hint, TEMPLATE_LIMITS.hintChars),
    })),
  };
}

/** Move the question at `index` by `by` places (−1 up, +1 down); out of range: unchanged. */
export function moveQuestion(template: OwnTemplate, index: number, by: -1 | 1): OwnTemplate {
  const to = index + by;
  if (index < 0 || to < 0 || to >= template.questions.length) return template;
  const questions = [...template.questions];
  const [moved] = questions.splice(index, 1);
  questions.splice(to, 0, moved as OwnQuestion);
  return { ...template, questions };
}

/** The preferences with `template` saved (added or replaced in place). */
export function withTemplate(prefs: TemplatePrefs, template: OwnTemplate): TemplatePrefs {
  const at = prefs.own.findIndex((o) => o.id === template.id);
  const own =
    at < 0 ? [...prefs.own, template] : prefs.own.map((o, i) => (i === at ? template : o));
  return { ...prefs, own };
}

/** The preferences without own template `id`; defaults that named it fall back. */
export function withoutTemplate(prefs: TemplatePrefs, id: TemplateId): TemplatePrefs {
  const byTrigger = Object.fromEntries(
    Object.entries(prefs.byTrigger).filter(([, chosen]) => chosen !== id),
  );
  return { ...prefs, own: prefs.own.filter((o) => o.id !== id), byTrigger };
}
